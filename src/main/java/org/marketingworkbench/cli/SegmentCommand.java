package org.marketingworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.io.AtomicFile;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.segment.Algorithm;
import org.marketingworkbench.core.segment.KChooser;
import org.marketingworkbench.core.segment.ProfileColumn;
import org.marketingworkbench.core.segment.Scaling;
import org.marketingworkbench.core.segment.Segment;
import org.marketingworkbench.core.segment.SegmentCard;
import org.marketingworkbench.core.segment.SegmentDescriber;
import org.marketingworkbench.core.segment.SegmentException;
import org.marketingworkbench.core.segment.SegmentStep;
import org.marketingworkbench.core.segment.SegmentationResult;
import org.marketingworkbench.core.segment.SegmentationSettings;
import org.marketingworkbench.core.segment.SegmentExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code segment FILE --features a,b,c --k 5}: the Segment step from the command line. Prints each segment's
 * size, share, proposed name, traits in words, spend (when the data has a money column), centre and silhouette,
 * the within-cluster sum of squares and how the features were prepared; {@code --out} writes every input row plus
 * {@code segment} and {@code segment_name} columns. Names and words are in the default locale's language.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Segment customers: k-means (default), EM or hierarchical clustering on the chosen features. "
                + "Numbers are rescaled unless --scaling none; categories count through one column per value. "
                + "Without --k, k-means tries 2 to 10 segments and takes the recommended number; EM chooses itself.")
final class SegmentCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The customer file (read with detected settings).")
    Path file;

    @Option(names = "--features", required = true, split = ",", paramLabel = "A,B,C",
            description = "The columns to segment on, comma-separated (numbers or categories).")
    List<String> features;

    @Option(names = "--k", paramLabel = "K", description = "The number of segments (2 or more).")
    Integer k;

    @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = "kmeans",
            description = "kmeans (default), em or hierarchical.")
    String algorithm;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed: the same seed gives the same segments (default 1).")
    int seed;

    @Option(names = "--scaling", defaultValue = "standardise", paramLabel = "HOW",
            description = "standardise (default: numbers to mean 0, standard deviation 1) or none (their own units).")
    String scaling;

    @Option(names = "--restarts", defaultValue = "10", description = "k-means runs from different starts; the best is "
            + "kept (default 10).")
    int restarts;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "SEGMENTS.csv",
            description = "Write every input row plus segment and segment_name columns (CSV).")
    Path out;

    @Mixin
    SpreadsheetCells spreadsheetCells;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Algorithm alg = Algorithm.fromId(algorithm).orElseThrow(() -> new SegmentException(
                SegmentException.Reason.INVALID_SETTINGS, UserMessage.of("cli.segment.unknownAlgorithm", algorithm,
                        String.join(", ", Arrays.stream(Algorithm.values()).map(Algorithm::id).toList()))));
        Scaling sc = Scaling.fromId(scaling).orElseThrow(() -> new SegmentException(
                SegmentException.Reason.INVALID_SETTINGS, UserMessage.of("cli.segment.unknownScaling", scaling)));
        if (out != null && AtomicFile.destinationOf(out).equals(AtomicFile.destinationOf(file))) {
            throw new SegmentException(SegmentException.Reason.INVALID_SETTINGS, UserMessage.of("cli.segment.sameFile"));
        }
        List<String> names = features.stream().map(String::trim).filter(f -> !f.isEmpty()).toList();
        SegmentationSettings settings = new SegmentationSettings(SegmentationSettings.CURRENT_VERSION, names,
                k == null ? SegmentationSettings.AUTOMATIC_K : k, alg, seed, sc, restarts);
        Dataset data = new DataImporter().read(file, ImportSettings.auto(), Progress.none()).dataset();

        KChooser.KChoice choice = null;
        if (k == null && !alg.choosesK()) {
            choice = new KChooser().choose(data, settings.withK(2), KChooser.DEFAULT_FROM, KChooser.DEFAULT_TO,
                    Progress.none());
            settings = settings.withK(choice.recommendedK());
        }
        SegmentationResult result = new SegmentStep().run(data, settings, Progress.none());
        Locale locale = Locale.getDefault();
        List<SegmentCard> cards = SegmentDescriber.describe(data, result);
        if (out != null) {
            SegmentExport.write(data, result, SegmentExport.names(cards, Map.of(), locale), out,
                    spreadsheetCells.cells());
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(toJson(result, cards, choice, locale)));
        } else {
            printText(w, result, cards, choice, locale);
        }
        return WorkbenchCli.OK;
    }

    private void printText(PrintWriter w, SegmentationResult r, List<SegmentCard> cards, KChooser.KChoice choice,
                           Locale locale) {
        if (choice != null) {
            w.println(UserMessage.of("cli.segment.chosenK", choice.reason()).format(locale));
            choice.notes().forEach(n -> w.println(n.format(locale)));
        }
        SegmentationSettings s = r.settings();
        w.println(UserMessage.of("cli.segment.header", r.rowsUsed(), r.rowsUsed() + r.rowsLeftOut(), r.k(),
                s.algorithm().label(), s.seed()).format(locale));
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(2);
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
        for (Segment seg : r.segments()) {
            w.println(UserMessage.of("cli.segment.segment", seg.number(), seg.size(), seg.share(),
                    Double.isNaN(seg.silhouette()) ? "–" : String.format(locale, "%.2f", seg.silhouette())).format(locale));
            SegmentCard card = cards.get(seg.number() - 1);
            w.println("    " + card.proposedName().format(locale));
            for (SegmentCard.Trait t : card.traits()) {
                w.println("    - " + t.words().format(locale));
            }
            card.spend().ifPresent(sp -> w.println("    " + sp.words().format(locale)));
            List<String> parts = new ArrayList<>();
            double[] centroid = seg.centroid();
            for (int p = 0; p < centroid.length; p++) {
                ProfileColumn c = r.profileColumns().get(p);
                parts.add(c.label() + " " + (c.isLevel() ? percent.format(centroid[p]) : number.format(centroid[p])));
            }
            w.println("    " + String.join(", ", parts));
        }
        w.println(UserMessage.of("cli.segment.quality", r.withinClusterSumOfSquares(),
                Double.isNaN(r.averageSilhouette()) ? "–" : String.format(locale, "%.3f", r.averageSilhouette()))
                .format(locale));
        for (UserMessage line : r.explanation().lines()) {
            w.println("  " + line.format(locale));
        }
        for (UserMessage note : r.notes()) {
            w.println("  " + note.format(locale));
        }
        if (out != null) {
            w.println(UserMessage.of("cli.segment.written", r.rowsUsed() + r.rowsLeftOut(), out.toString()).format(locale));
        }
    }

    private ObjectNode toJson(SegmentationResult r, List<SegmentCard> cards, KChooser.KChoice choice, Locale locale) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("file", file.toString());
        SegmentationSettings s = r.settings();
        ObjectNode settingsNode = o.putObject("settings");
        settingsNode.setAll(s.toJson());
        o.put("k", r.k());
        o.put("rowsUsed", r.rowsUsed());
        o.put("rowsLeftOut", r.rowsLeftOut());
        o.put("rowsFitted", r.rowsFitted());
        o.put("withinClusterSumOfSquares", r.withinClusterSumOfSquares());
        putNumber(o, "averageSilhouette", r.averageSilhouette());
        o.putObject("silhouetteSample").put("size", r.silhouette().sampleSize()).put("exact", r.silhouette().exact());
        ArrayNode segments = o.putArray("segments");
        for (Segment seg : r.segments()) {
            ObjectNode n = segments.addObject();
            n.put("segment", seg.number());
            n.put("size", seg.size());
            n.put("share", seg.share());
            putNumber(n, "silhouette", seg.silhouette());
            SegmentCard card = cards.get(seg.number() - 1);
            n.put("name", card.proposedName().format(locale));
            ArrayNode traits = n.putArray("traits");
            for (SegmentCard.Trait t : card.traits()) {
                ObjectNode tn = traits.addObject();
                tn.put("column", t.column().label());
                tn.put("z", t.z());
                tn.put("words", t.words().format(locale));
            }
            card.spend().ifPresent(sp -> {
                ObjectNode sn = n.putObject("spend");
                sn.put("column", sp.column());
                putNumber(sn, "mean", sp.mean());
                sn.put("total", sp.total());
                putNumber(sn, "shareOfTotal", sp.shareOfTotal());
                sn.put("words", sp.words().format(locale));
            });
            ObjectNode centroid = n.putObject("centroid");
            ObjectNode z = n.putObject("meanZ");
            double[] c = seg.centroid();
            double[] mz = seg.meanZ();
            for (int p = 0; p < c.length; p++) {
                String label = r.profileColumns().get(p).label();
                centroid.put(label, c[p]);
                z.put(label, mz[p]);
            }
        }
        ArrayNode explanation = o.putArray("explanation");
        r.explanation().lines().forEach(l -> explanation.add(l.format(locale)));
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(l -> notes.add(l.format(locale)));
        if (choice != null) {
            ObjectNode c = o.putObject("kChoice");
            c.put("recommendedK", choice.recommendedK());
            c.put("reason", choice.reason().format(locale));
            c.put("elbowK", choice.elbowK());
            ArrayNode choiceNotes = c.putArray("notes");
            choice.notes().forEach(n -> choiceNotes.add(n.format(locale)));
            ArrayNode scores = c.putArray("scores");
            for (KChooser.Score sc : choice.scores()) {
                ObjectNode n = scores.addObject().put("k", sc.k()).put("withinClusterSumOfSquares",
                        sc.withinClusterSumOfSquares());
                putNumber(n, "averageSilhouette", sc.averageSilhouette());
            }
        }
        return o;
    }

    /** JSON has no NaN: a figure that could not be measured is null. */
    private static void putNumber(ObjectNode o, String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }
}
