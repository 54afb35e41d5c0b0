package org.marketingworkbench.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;

class KChooserTest {

    private static final List<String> FEATURES = List.of("income", "age", "city");

    @Test
    void recommendsTheNumberOfGroupsInTheDataWithItsReason() throws Exception {
        Dataset data = Tables.groups(11, 120, 100, 80, 60);
        KChooser.KChoice c = new KChooser().choose(data, SegmentationSettings.kMeans(FEATURES, 2),
                KChooser.DEFAULT_FROM, KChooser.DEFAULT_TO, Progress.none());

        assertThat(c.scores()).extracting(KChooser.Score::k).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(c.scores()).extracting(KChooser.Score::withinClusterSumOfSquares)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(c.recommendedK()).isEqualTo(4);
        assertThat(c.elbowK()).isEqualTo(4);
        assertThat(c.score(4).sizes()).containsExactly(120, 100, 80, 60);
        // customers outside their group's usual city make small extra segments that score almost as well:
        // the elbow settles it
        assertThat(c.reason().key()).isIn("segment.choose.bestSilhouette", "segment.choose.tieElbow");
        assertThat(c.reason().format(Locale.ENGLISH)).startsWith("4 segments: ").contains("elbow");
        assertThat(c.silhouetteExact()).isTrue();
        assertThat(c.silhouetteSampleSize()).isEqualTo(360);
    }

    @Test
    void clearNumericGroupsHaveOneBestSilhouette() throws Exception {
        KChooser.KChoice c = new KChooser().choose(Tables.groups(13, 120, 100, 80), SegmentationSettings.kMeans(
                List.of("income", "age"), 2), 2, 8, Progress.none());
        assertThat(c.recommendedK()).isEqualTo(3);
        assertThat(c.reason().format(Locale.ENGLISH)).startsWith("3 segments: the best average silhouette (0.")
                .endsWith("(The elbow of the sum-of-squares curve is at 3.)");
    }

    @Test
    void reportsProgressPerKAndStopsWhenCancelled() throws Exception {
        Dataset data = Tables.groups(12, 100, 100, 100);
        List<String> tried = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        new KChooser().choose(data, SegmentationSettings.kMeans(FEATURES, 2), 2, 5, Progress.to((f, m) -> {
            fractions.add(f);
            if (m != null && m.key().equals("segment.progress.tryingK")) {
                tried.add(m.format(Locale.ENGLISH));
            }
        }));
        assertThat(tried).containsExactly("Trying 2 segments (2–5)…", "Trying 3 segments (2–5)…",
                "Trying 4 segments (2–5)…", "Trying 5 segments (2–5)…");
        assertThat(fractions).isSortedAccordingTo(Double::compare);

        Progress[] p = new Progress[1];
        p[0] = Progress.to((f, m) -> {
            if (m != null && m.format(Locale.ENGLISH).startsWith("Trying 4")) {
                p[0].cancel();
            }
        });
        assertThatThrownBy(() -> new KChooser().choose(data, SegmentationSettings.kMeans(FEATURES, 2), 2, 10, p[0]))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void theRangeStopsAtTheNumberOfDifferentCustomers() throws Exception {
        Dataset data = Tables.create().number("x", 1, 1, 2, 2, 3, 3, 4, 4).build();
        KChooser.KChoice c = new KChooser().choose(data, SegmentationSettings.kMeans(List.of("x"), 2), 2, 10,
                Progress.none());
        assertThat(c.scores()).extracting(KChooser.Score::k).containsExactly(2, 3, 4);
        assertThat(c.notes().get(0).format(Locale.ENGLISH)).contains("k stops at 4 instead of 10");
    }

    @Test
    void theElbowIsThePointFarthestBelowTheChord() {
        List<KChooser.Score> curve = List.of(score(2, 100), score(3, 60), score(4, 20), score(5, 15), score(6, 12));
        assertThat(KChooser.elbow(curve)).isEqualTo(4);
    }

    @Test
    void nearlyEqualSilhouettesAreSettledByTheElbow() throws Exception {
        // two tight pairs of groups: k = 2 and k = 4 have similar silhouettes; the elbow decides
        Dataset data = Tables.create().number("x",
                0, 0.1, 0.2, 1, 1.1, 1.2, 20, 20.1, 20.2, 21, 21.1, 21.2).build();
        KChooser.KChoice c = new KChooser().choose(data, SegmentationSettings.kMeans(List.of("x"), 2), 2, 6,
                Progress.none());
        double best = c.scores().stream().mapToDouble(KChooser.Score::averageSilhouette).max().orElseThrow();
        List<Integer> tied = c.scores().stream().filter(s -> s.averageSilhouette() >= best - KChooser.SILHOUETTE_TIE)
                .map(KChooser.Score::k).toList();
        if (tied.size() > 1) {
            assertThat(c.reason().key()).isEqualTo("segment.choose.tieElbow");
            assertThat(tied).contains(c.recommendedK());
        } else {
            assertThat(c.reason().key()).isEqualTo("segment.choose.bestSilhouette");
        }
    }

    private static KChooser.Score score(int k, double wcss) {
        return new KChooser.Score(k, wcss, 0, new int[0]);
    }

    @Test
    void aSegmentOfAFewOutliersIsNotRecommendedAndTheNotesSaySo() throws Exception {
        // one customer far from everyone: every k gives it a segment of its own, with a high silhouette
        Dataset data = Tables.groups(17, 150, 150);
        tech.tablesaw.api.DoubleColumn income = (tech.tablesaw.api.DoubleColumn) data.table().column("income");
        income.set(0, income.getDouble(0) * 1_000);
        KChooser.KChoice c = new KChooser().choose(data, SegmentationSettings.kMeans(List.of("income", "age"), 2),
                2, 5, Progress.none());
        assertThat(c.notes()).extracting(UserMessage::key).contains("segment.note.tinyEverywhere");
        assertThat(KChooser.hasTinySegment(new KChooser.Score(2, 1, 0.9, new int[] {299, 1}), 300)).isTrue();
        assertThat(KChooser.hasTinySegment(new KChooser.Score(2, 1, 0.9, new int[] {150, 150}), 300)).isFalse();
    }
}
