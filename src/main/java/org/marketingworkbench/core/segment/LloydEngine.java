package org.marketingworkbench.core.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * The k-means kernels: greedy k-means++ seeding and Lloyd iterations over a column-major matrix.
 *
 * <p><b>Parallel and deterministic.</b> Rows are cut into fixed chunks of {@value #CHUNK}; threads take
 * chunks as they come, but every chunk writes its partial sums into its own slot and the slots are
 * added in chunk order. The result is therefore the same bit for bit whatever the number of threads
 * and however they are scheduled.
 *
 * <p><b>Fast.</b> Within a chunk, rows are taken {@value #BLOCK} at a time and distances are accumulated
 * column by column ({@code dist[c][t] += (x[j][t] - centre[c][j])²}), a straight loop over contiguous
 * memory that the JIT turns into vector instructions; the block's data stays in the L1 cache for all
 * the centres. Distances are computed directly, not as {@code |x|² - 2x·c + |c|²}, so unscaled data
 * far from the origin loses no precision.
 */
final class LloydEngine implements AutoCloseable {

    static final int CHUNK = 4096;
    static final int BLOCK = 256;

    /** Thrown when every point coincides with a centre already chosen: fewer distinct points than clusters. */
    static final class TooFewDistinctPoints extends IllegalArgumentException {
        TooFewDistinctPoints(int k) {
            super("the data has fewer than " + k + " distinct points");
        }
    }

    /** One k-means run: centres (k × d, row by row), labels, exact sum of squares, iterations. */
    record Run(double[] centres, int[] labels, double inertia, int iterations, boolean converged) {
    }

    private final double[] x;
    private final int n;
    private final int d;
    private final int chunks;
    private final int threads;
    private final ExecutorService pool;

    LloydEngine(FeatureMatrix m, int threads) {
        this.x = m.values();
        this.n = m.rows();
        this.d = m.cols();
        this.chunks = Math.max(1, (n + CHUNK - 1) / CHUNK);
        this.threads = Math.max(1, Math.min(threads, chunks));
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "mwb-kmeans");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Runs {@code body} for every chunk index, on all threads; returns when every chunk is done. */
    private void forEachChunk(IntConsumer body) {
        if (pool == null) {
            for (int c = 0; c < chunks; c++) {
                body.accept(c);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                body.accept(c);
            }
        };
        List<Future<?>> running = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            running.add(pool.submit(worker));
        }
        worker.run();
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private int chunkStart(int c) {
        return c * CHUNK;
    }

    private int chunkEnd(int c) {
        return Math.min(n, (c + 1) * CHUNK);
    }

    /** The mean over columns of each column's (population) variance: the scale of sklearn's tolerance. */
    double meanVariance() {
        double total = 0;
        for (int j = 0; j < d; j++) {
            int off = j * n;
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[off + i];
            }
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double v = x[off + i] - mean;
                ss += v * v;
            }
            total += ss / n;
        }
        return d == 0 ? 0 : total / d;
    }

    // ------------------------------------------------------------------ k-means++

    /**
     * Greedy k-means++ (Arthur and Vassilvitskii 2007, with the local trials of scikit-learn): the first
     * centre is a random row; each next one is the best, by the resulting sum of squares, of
     * {@code 2 + ln k} rows drawn with probability proportional to their squared distance to the
     * nearest centre so far.
     */
    double[] seed(int k, Random rnd, Progress progress) {
        double[] centres = new double[k * d];
        copyRow(rnd.nextInt(n), centres, 0);
        int trials = 2 + (int) Math.log(k);
        // closest[0]: squared distance of each row to its nearest centre so far; closest[1 + t]: the same
        // if candidate t became a centre
        double[][] closest = new double[1 + trials][n];
        double[] chunkPot = new double[chunks];
        forEachChunk(c -> {
            distancesTo(c, centres, 1, closest, 0, null);
            chunkPot[c] = sum(closest[0], chunkStart(c), chunkEnd(c));
        });
        double pot = total(chunkPot);
        double[][] candPot = new double[chunks][trials];
        double[] rows = new double[trials * d];
        for (int centre = 1; centre < k; centre++) {
            progress.throwIfCancelled();
            if (!(pot > 0)) {
                throw new TooFewDistinctPoints(k);
            }
            int[] ids = new int[trials];
            for (int t = 0; t < trials; t++) {
                ids[t] = pick(closest[0], chunkPot, rnd.nextDouble() * pot);
                copyRow(ids[t], rows, t);
            }
            forEachChunk(c -> {
                distancesTo(c, rows, trials, closest, 1, closest[0]);
                for (int t = 0; t < trials; t++) {
                    candPot[c][t] = sum(closest[1 + t], chunkStart(c), chunkEnd(c));
                }
            });
            int best = 0;
            double bestPot = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double p = 0;
                for (int c = 0; c < chunks; c++) {
                    p += candPot[c][t];
                }
                if (p < bestPot) {
                    bestPot = p;
                    best = t;
                }
            }
            copyRow(ids[best], centres, centre);
            double[] kept = closest[1 + best];
            closest[1 + best] = closest[0];
            closest[0] = kept;
            for (int c = 0; c < chunks; c++) {
                chunkPot[c] = candPot[c][best];
            }
            pot = bestPot;
        }
        return centres;
    }

    /** The first row at which the running sum of {@code weights} reaches {@code r}, skipping zero weights. */
    private int pick(double[] weights, double[] chunkSums, double r) {
        double acc = 0;
        for (int c = 0; c < chunks; c++) {
            if (chunkSums[c] <= 0) {
                continue;
            }
            if (acc + chunkSums[c] < r && c < chunks - 1) {
                acc += chunkSums[c];
                continue;
            }
            int last = -1;
            for (int i = chunkStart(c); i < chunkEnd(c); i++) {
                if (weights[i] > 0) {
                    last = i;
                    acc += weights[i];
                    if (acc >= r) {
                        return i;
                    }
                }
            }
            if (last >= 0) {
                return last; // rounding: the chunk's sum reached r, its walk just short of it
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Squared distances of chunk {@code c}'s rows to each of the first {@code count} points in
     * {@code points} (row by row), into {@code out[first + p]}; with {@code floor}, each is capped at
     * {@code floor[i]} (the distance to the nearest centre so far). Each column block is read once for all
     * the points.
     */
    private void distancesTo(int c, double[] points, int count, double[][] out, int first, double[] floor) {
        int from = chunkStart(c);
        int to = chunkEnd(c);
        double[] xb = new double[BLOCK];
        double[][] acc = new double[count][BLOCK];
        for (int b0 = from; b0 < to; b0 += BLOCK) {
            int len = Math.min(BLOCK, to - b0);
            for (double[] a : acc) {
                Arrays.fill(a, 0.0);
            }
            for (int j = 0; j < d; j++) {
                System.arraycopy(x, j * n + b0, xb, 0, len);
                for (int p = 0; p < count; p++) {
                    double pj = points[p * d + j];
                    double[] a = acc[p];
                    for (int t = 0; t < len; t++) {
                        double diff = xb[t] - pj;
                        a[t] += diff * diff;
                    }
                }
            }
            for (int p = 0; p < count; p++) {
                double[] o = out[first + p];
                double[] a = acc[p];
                if (floor != null) {
                    for (int t = 0; t < len; t++) {
                        o[b0 + t] = Math.min(a[t], floor[b0 + t]);
                    }
                } else {
                    System.arraycopy(a, 0, o, b0, len);
                }
            }
        }
    }

    // ------------------------------------------------------------------ Lloyd

    /**
     * Lloyd iterations from {@code start} until no label changes, the centres move less than
     * {@code tolerance} (sum of squared shifts, absolute) or {@code maxIterations} is reached. As in
     * scikit-learn, a run stopped by the tolerance gets a last assignment so that labels and centres agree,
     * and a cluster that empties is moved to the row farthest from its centre.
     */
    Run lloyd(double[] start, int k, int maxIterations, double tolerance, Progress progress) {
        double[] centres = start.clone();
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        double[] dist = new double[n];
        double[][] sums = new double[chunks][k * d];
        long[][] counts = new long[chunks][k];
        int[] changed = new int[chunks];
        boolean converged = false;
        boolean labelsMatchCentres = false;
        int it = 0;
        while (it < maxIterations) {
            progress.throwIfCancelled();
            it++;
            double[] current = centres;
            forEachChunk(c -> assign(c, current, k, labels, dist, sums[c], counts[c], changed));
            if (totalInt(changed) == 0) {
                converged = true;
                labelsMatchCentres = true;
                break;
            }
            double[] next = means(sums, counts, k, centres, dist, labels);
            double shift = 0;
            for (int i = 0; i < next.length; i++) {
                double v = next[i] - centres[i];
                shift += v * v;
            }
            centres = next;
            progress.report(it / (it + 10.0));
            if (shift <= tolerance) {
                converged = true;
                break;
            }
        }
        if (!labelsMatchCentres) {
            double[] current = centres;
            forEachChunk(c -> assign(c, current, k, labels, dist, sums[c], counts[c], changed));
        }
        return new Run(centres, labels, sumOfSquares(centres, labels), it, converged);
    }

    /**
     * Assigns chunk {@code c}'s rows to their nearest centre: labels, squared distances (to 2^-46 or so),
     * the chunk's partial sums and counts per cluster, and how many labels changed.
     */
    private void assign(int c, double[] centres, int k, int[] labels, double[] dist, double[] sum, long[] count,
                        int[] changed) {
        int from = chunkStart(c);
        int to = chunkEnd(c);
        Arrays.fill(sum, 0.0);
        Arrays.fill(count, 0L);
        double[][] buf = new double[k][BLOCK];
        double[] xb = new double[BLOCK];
        double[] best = new double[BLOCK];
        long mask = tagMask(k);
        int[] lab = new int[BLOCK];
        int moved = 0;
        for (int b0 = from; b0 < to; b0 += BLOCK) {
            int len = Math.min(BLOCK, to - b0);
            for (double[] bc : buf) {
                Arrays.fill(bc, 0.0);
            }
            for (int j = 0; j < d; j++) {
                // a copy of the block's column, indexed like the buffers: the JIT vectorises only loops
                // whose arrays it can prove are read and written at the same index
                System.arraycopy(x, j * n + b0, xb, 0, len);
                for (int cc = 0; cc < k; cc++) {
                    double cj = centres[cc * d + j];
                    double[] bc = buf[cc];
                    for (int t = 0; t < len; t++) {
                        double diff = xb[t] - cj;
                        bc[t] += diff * diff;
                    }
                }
            }
            // nearest centre without branches: the centre's index rides in the lowest mantissa bits of its
            // distance, so one vectorised Math.min per centre finds both (ties within 2^-(52 - bits)
            // relative go to the lower index)
            double[] b0dist = buf[0];
            for (int t = 0; t < len; t++) {
                best[t] = Double.longBitsToDouble(Double.doubleToRawLongBits(b0dist[t]) & ~mask);
            }
            for (int cc = 1; cc < k; cc++) {
                double[] bc = buf[cc];
                long tag = cc;
                for (int t = 0; t < len; t++) {
                    best[t] = Math.min(best[t], Double.longBitsToDouble((Double.doubleToRawLongBits(bc[t]) & ~mask) | tag));
                }
            }
            for (int t = 0; t < len; t++) {
                long bits = Double.doubleToRawLongBits(best[t]);
                int nearest = (int) (bits & mask);
                double bd = Double.longBitsToDouble(bits & ~mask);
                lab[t] = nearest;
                int row = b0 + t;
                if (labels[row] != nearest) {
                    moved++;
                    labels[row] = nearest;
                }
                dist[row] = bd;
                count[nearest]++;
            }
            for (int j = 0; j < d; j++) {
                int off = j * n + b0;
                for (int t = 0; t < len; t++) {
                    sum[lab[t] * d + j] += x[off + t];
                }
            }
        }
        changed[c] = moved;
    }

    /** New centres from the chunks' partial sums (added in chunk order); empty clusters relocated. */
    private double[] means(double[][] sums, long[][] counts, int k, double[] old, double[] dist, int[] labels) {
        double[] total = new double[k * d];
        long[] count = new long[k];
        for (int c = 0; c < chunks; c++) {
            double[] s = sums[c];
            for (int i = 0; i < total.length; i++) {
                total[i] += s[i];
            }
            for (int cc = 0; cc < k; cc++) {
                count[cc] += counts[c][cc];
            }
        }
        boolean[] taken = null;
        for (int cc = 0; cc < k; cc++) {
            if (count[cc] > 0) {
                continue;
            }
            // an empty cluster takes the row farthest from its centre (whose own cluster keeps other rows)
            if (taken == null) {
                taken = new boolean[n];
            }
            int far = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && count[labels[i]] > 1 && (far < 0 || dist[i] > dist[far])) {
                    far = i;
                }
            }
            if (far < 0) {
                continue; // nothing to move: keep the old centre
            }
            taken[far] = true;
            int from = labels[far];
            for (int j = 0; j < d; j++) {
                double v = x[j * n + far];
                total[from * d + j] -= v;
                total[cc * d + j] = v;
            }
            count[from]--;
            count[cc] = 1;
        }
        double[] next = new double[k * d];
        for (int cc = 0; cc < k; cc++) {
            for (int j = 0; j < d; j++) {
                next[cc * d + j] = count[cc] == 0 ? old[cc * d + j] : total[cc * d + j] / count[cc];
            }
        }
        return next;
    }

    /** The low mantissa bits that hold a centre's index (at least one bit). */
    static long tagMask(int k) {
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(k - 1));
        return (1L << bits) - 1;
    }

    /** The exact within-cluster sum of squares of {@code labels} around {@code centres}, chunk by chunk. */
    double sumOfSquares(double[] centres, int[] labels) {
        double[] part = new double[chunks];
        forEachChunk(c -> {
            double s = 0;
            for (int i = chunkStart(c); i < chunkEnd(c); i++) {
                int l = labels[i];
                for (int j = 0; j < d; j++) {
                    double diff = x[j * n + i] - centres[l * d + j];
                    s += diff * diff;
                }
            }
            part[c] = s;
        });
        return total(part);
    }

    private void copyRow(int row, double[] into, int slot) {
        for (int j = 0; j < d; j++) {
            into[slot * d + j] = x[j * n + row];
        }
    }

    /** The sum of {@code a[from..to)}, in four interleaved partial sums (a fixed order, so deterministic). */
    private static double sum(double[] a, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double total(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    private static int totalInt(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }
}
