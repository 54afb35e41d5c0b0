package org.marketingworkbench.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.marketingworkbench.core.adapter.weka.TableToInstances;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;
import weka.clusterers.Clusterer;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A segmentation that can place new customers, as the Segment step placed the ones it saw: how each feature was
 * prepared (a number's mean and standard deviation, a category's values and one-hot weight, see
 * {@link FeaturePreparation}), the fitted Weka clusterer, and which segment each of the clusterer's clusters is.
 *
 * <ul>
 *   <li>k-means: a {@link FastKMeans} holding only the centres (no customer's label); a customer joins the nearest
 *       centre, exactly as in the step.</li>
 *   <li>EM: Weka's fitted {@code EM}; a customer joins the most likely cluster that became a segment.</li>
 *   <li>hierarchical: the centres of the fitted sample's segments in a {@link FastKMeans}; a customer joins the
 *       nearest, which is how the step placed every customer beyond its sample (the sample's own customers were
 *       placed by the tree, so a few of them may land elsewhere here).</li>
 * </ul>
 *
 * <p>A customer missing a feature, or with a category value the segmentation never saw, gets no segment (0), as
 * in the step: nothing is imputed. Immutable; {@link #assign} reads the clusterer only, from one thread at a time.
 */
public final class FittedSegmentation {

    /** How a customer's prepared features become the clusterer's instance. */
    public enum Input {
        /** Numbers as prepared, each category one column per value (k-means, hierarchical). */
        ONE_HOT,
        /** Numbers as prepared, each category one nominal attribute (EM). */
        NOMINAL
    }

    /**
     * One feature as it was prepared.
     *
     * @param mean   a number's mean over the customers segmented (NaN for a category)
     * @param sd     a number's standard deviation (NaN for a category)
     * @param levels a category's values, in the order of its one-hot columns or nominal values (empty for a number)
     * @param weight a category's one-hot value (1 for a number)
     */
    public record Feature(String name, boolean category, double mean, double sd, List<String> levels, double weight) {

        public Feature {
            levels = List.copyOf(levels);
        }

        int width(Input input) {
            return category && input == Input.ONE_HOT ? levels.size() : 1;
        }
    }

    /**
     * Where customers were placed.
     *
     * @param segmentOfRow  per row, its segment number (1..k) or 0 when it got none
     * @param missing       rows left out because a feature is missing
     * @param unseen        rows left out because a category has a value the segmentation never saw
     * @param unseenValues  per feature, the values never seen (sorted)
     */
    public record Assignment(int[] segmentOfRow, int missing, int unseen, Map<String, List<String>> unseenValues) {

        public Assignment {
            segmentOfRow = segmentOfRow.clone();
            unseenValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unseenValues));
        }

        @Override
        public int[] segmentOfRow() {
            return segmentOfRow.clone();
        }

        public int assigned() {
            return segmentOfRow.length - missing - unseen;
        }
    }

    public static final String FORMAT = "marketing-workbench-fitted-segmentation";
    public static final int VERSION = 1;

    private final Algorithm algorithm;
    private final Scaling scaling;
    private final Input input;
    private final List<Feature> features;
    private final Clusterer clusterer;
    private final Instances header;
    private final int[] segmentOfCluster;
    private final int k;

    /**
     * @param segmentOfCluster for each of the clusterer's clusters, its segment number (1..k), or 0 for a cluster
     *                         that became no segment (EM can leave one empty)
     * @throws IllegalArgumentException when the parts do not fit together (the header's width, the clusters)
     */
    public FittedSegmentation(Algorithm algorithm, Scaling scaling, Input input, List<Feature> features,
                              Clusterer clusterer, Instances header, int[] segmentOfCluster) {
        this.algorithm = java.util.Objects.requireNonNull(algorithm, "algorithm");
        this.scaling = java.util.Objects.requireNonNull(scaling, "scaling");
        this.input = java.util.Objects.requireNonNull(input, "input");
        this.features = List.copyOf(features);
        this.clusterer = java.util.Objects.requireNonNull(clusterer, "clusterer");
        this.header = new Instances(header, 0);
        this.segmentOfCluster = segmentOfCluster.clone();
        if (this.features.isEmpty()) {
            throw new IllegalArgumentException("no features");
        }
        int width = 0;
        for (Feature f : this.features) {
            width += f.width(input);
            if (f.category() && f.levels().isEmpty()) {
                throw new IllegalArgumentException("category " + f.name() + " without values");
            }
        }
        if (this.header.numAttributes() != width) {
            throw new IllegalArgumentException("the header has " + this.header.numAttributes() + " attributes, the "
                    + "features take " + width);
        }
        int clusters;
        try {
            clusters = clusterer.numberOfClusters();
        } catch (Exception e) {
            throw new IllegalArgumentException("the clusterer is not built: " + e.getMessage(), e);
        }
        if (clusters != this.segmentOfCluster.length) {
            throw new IllegalArgumentException("the clusterer has " + clusters + " clusters, the map "
                    + this.segmentOfCluster.length);
        }
        int max = 0;
        for (int s : this.segmentOfCluster) {
            if (s < 0) {
                throw new IllegalArgumentException("segment " + s);
            }
            max = Math.max(max, s);
        }
        if (max == 0) {
            throw new IllegalArgumentException("no cluster is a segment");
        }
        this.k = max;
    }

    /** k-means or hierarchical: numbers and one-hot categories as {@code prep} made them, centres in segment order. */
    static FittedSegmentation ofCentres(Algorithm algorithm, PreparedFeatures prep, double[][] centres, int[] sizes) {
        FastKMeans km = FastKMeans.ofCentroids(centres, sizes, prep.matrix().names());
        int[] identity = new int[centres.length];
        for (int c = 0; c < identity.length; c++) {
            identity[c] = c + 1;
        }
        ArrayList<Attribute> atts = new ArrayList<>();
        for (String name : prep.matrix().names()) {
            atts.add(new Attribute(name));
        }
        return new FittedSegmentation(algorithm, prep.scaling(), Input.ONE_HOT, features(prep), km,
                new Instances("segment", atts, 0), identity);
    }

    /** EM: numbers as prepared, categories nominal, {@code header} the one EM was built on. */
    static FittedSegmentation ofNominal(Algorithm algorithm, PreparedFeatures prep, Clusterer clusterer, Instances header,
                                        int[] segmentOfCluster) {
        return new FittedSegmentation(algorithm, prep.scaling(), Input.NOMINAL, features(prep), clusterer, header,
                segmentOfCluster);
    }

    private static List<Feature> features(PreparedFeatures prep) {
        List<Feature> out = new ArrayList<>();
        for (PreparedFeatures.Feature f : prep.features()) {
            out.add(new Feature(f.name(), f.isCategory(), f.mean(), f.sd(), f.levels(), f.weight()));
        }
        return out;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public Scaling scaling() {
        return scaling;
    }

    public Input input() {
        return input;
    }

    public List<Feature> features() {
        return features;
    }

    /** The fitted clusterer (do not change it). */
    public Clusterer clusterer() {
        return clusterer;
    }

    /** The empty header of the instances the clusterer reads (a copy). */
    public Instances header() {
        return new Instances(header, 0);
    }

    public int[] segmentOfCluster() {
        return segmentOfCluster.clone();
    }

    /** The number of segments. */
    public int k() {
        return k;
    }

    /** The columns a customer file needs (after cleaning): the features, in order. */
    public List<String> requiredColumns() {
        return features.stream().map(Feature::name).toList();
    }

    /** The features {@code data} has no column for. */
    public List<String> missingColumns(Dataset data) {
        return features.stream().map(Feature::name).filter(name -> data.spec(name).isEmpty()).toList();
    }

    /** The number features whose column in {@code data} does not hold numbers. */
    public List<String> notNumbers(Dataset data) {
        return features.stream().filter(f -> !f.category() && data.spec(f.name()).isPresent()
                && !(data.table().column(f.name()) instanceof NumericColumn<?>)).map(Feature::name).toList();
    }

    /**
     * Each row's segment. {@code data} is cleaned as the segmented table was; it is not changed.
     *
     * @throws SegmentException UNKNOWN_FEATURE for a feature without a column ({@link #missingColumns}),
     *                          UNUSABLE_FEATURE for a number feature whose column holds text ({@link #notNumbers}),
     *                          ALGORITHM_FAILED when the clusterer fails
     */
    public Assignment assign(Dataset data, Progress progress) throws SegmentException {
        List<String> absent = missingColumns(data);
        if (!absent.isEmpty()) {
            throw new SegmentException(SegmentException.Reason.UNKNOWN_FEATURE, UserMessage.of(
                    "segment.error.unknownFeature", absent.get(0), String.join(", ", data.table().columnNames())));
        }
        List<String> text = notNumbers(data);
        if (!text.isEmpty()) {
            throw new SegmentException(SegmentException.Reason.UNUSABLE_FEATURE, UserMessage.of(
                    "segment.error.algorithmFailed", algorithm.label(), text.get(0) + " does not hold numbers"));
        }
        int n = data.rowCount();
        List<Column<?>> columns = new ArrayList<>();
        List<Map<String, Integer>> levelIndex = new ArrayList<>();
        for (Feature f : features) {
            columns.add(data.table().column(f.name()));
            Map<String, Integer> index = new HashMap<>();
            for (int l = 0; l < f.levels().size(); l++) {
                index.put(f.levels().get(l), l);
            }
            levelIndex.add(index);
        }
        int[] segment = new int[n];
        int missing = 0;
        int unseen = 0;
        Map<String, TreeSet<String>> unseenValues = new LinkedHashMap<>();
        double[] values = new double[header.numAttributes()];
        try {
            rows:
            for (int r = 0; r < n; r++) {
                if ((r & 4095) == 0) {
                    progress.throwIfCancelled();
                    progress.report((double) r / Math.max(1, n));
                }
                java.util.Arrays.fill(values, 0);
                int at = 0;
                boolean fresh = false;
                for (int j = 0; j < features.size(); j++) {
                    Feature f = features.get(j);
                    Column<?> c = columns.get(j);
                    if (FeaturePreparation.isMissing(c, r)) {
                        missing++;
                        continue rows;
                    }
                    if (f.category()) {
                        String label = TableToInstances.label(c, r);
                        Integer l = levelIndex.get(j).get(label);
                        if (l == null) {
                            fresh = true;
                            unseenValues.computeIfAbsent(f.name(), x -> new TreeSet<>()).add(label);
                        } else if (input == Input.ONE_HOT) {
                            values[at + l] = f.weight();
                        } else {
                            values[at] = l;
                        }
                    } else {
                        double x = ((NumericColumn<?>) c).getDouble(r);
                        values[at] = scaling == Scaling.STANDARDISE ? (x - f.mean()) / f.sd() : x;
                    }
                    at += f.width(input);
                }
                if (fresh) {
                    unseen++;
                    continue;
                }
                Instance instance = new DenseInstance(1.0, values.clone());
                instance.setDataset(header);
                segment[r] = segmentOf(clusterer.distributionForInstance(instance));
            }
        } catch (SegmentException | org.marketingworkbench.core.pipeline.CancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new SegmentException(SegmentException.Reason.ALGORITHM_FAILED, UserMessage.of(
                    "segment.error.algorithmFailed", algorithm.label(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        progress.report(1);
        Map<String, List<String>> unseenOut = new LinkedHashMap<>();
        unseenValues.forEach((name, v) -> unseenOut.put(name, List.copyOf(v)));
        return new Assignment(segment, missing, unseen, unseenOut);
    }

    /** The most likely cluster that is a segment (the first of equals), as its segment number. */
    private int segmentOf(double[] distribution) {
        int best = -1;
        for (int c = 0; c < distribution.length && c < segmentOfCluster.length; c++) {
            if (segmentOfCluster[c] > 0 && (best < 0 || distribution[c] > distribution[best])) {
                best = c;
            }
        }
        return best < 0 ? 0 : segmentOfCluster[best];
    }

    // ---------------------------------------------------------------- JSON (everything but the clusterer)

    /** Everything but the clusterer and its header, which are stored apart (Java serialisation, filtered on reading). */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", FORMAT);
        o.put("version", VERSION);
        o.put("algorithm", algorithm.id());
        o.put("scaling", scaling.id());
        o.put("input", input.name().toLowerCase(Locale.ROOT));
        o.put("k", k);
        ArrayNode map = o.putArray("segmentOfCluster");
        for (int s : segmentOfCluster) {
            map.add(s);
        }
        ArrayNode fs = o.putArray("features");
        for (Feature f : features) {
            ObjectNode j = fs.addObject();
            j.put("name", f.name());
            j.put("type", f.category() ? "category" : "number");
            if (f.category()) {
                ArrayNode levels = j.putArray("levels");
                f.levels().forEach(levels::add);
                j.put("weight", f.weight());
            } else {
                j.put("mean", f.mean());
                j.put("sd", f.sd());
            }
        }
        return o;
    }

    /**
     * The segmentation written by {@link #toJson()}, with its clusterer and header read back.
     *
     * @throws SegmentException UNREADABLE_SETTINGS when the JSON is damaged, from a newer version, or does not fit
     *                          the clusterer
     */
    public static FittedSegmentation fromJson(JsonNode json, Clusterer clusterer, Instances header)
            throws SegmentException {
        if (json == null || !json.isObject() || !FORMAT.equals(json.path("format").asText())) {
            throw unreadable("not a fitted segmentation");
        }
        int version = json.path("version").asInt(-1);
        if (version > VERSION) {
            throw new SegmentException(SegmentException.Reason.UNREADABLE_SETTINGS,
                    UserMessage.of("segment.error.settingsNewer", version, VERSION));
        }
        try {
            Algorithm algorithm = Algorithm.fromId(json.path("algorithm").asText())
                    .orElseThrow(() -> new IllegalArgumentException("algorithm " + json.path("algorithm").asText()));
            Scaling scaling = Scaling.fromId(json.path("scaling").asText())
                    .orElseThrow(() -> new IllegalArgumentException("scaling " + json.path("scaling").asText()));
            Input input = Input.valueOf(json.path("input").asText().toUpperCase(Locale.ROOT));
            List<Feature> features = new ArrayList<>();
            for (JsonNode f : json.path("features")) {
                boolean category = "category".equals(f.path("type").asText());
                List<String> levels = new ArrayList<>();
                f.path("levels").forEach(l -> levels.add(l.asText()));
                double mean = category ? Double.NaN : number(f, "mean");
                double sd = category ? Double.NaN : number(f, "sd");
                if (!category && scaling == Scaling.STANDARDISE && !(sd > 0)) {
                    throw new IllegalArgumentException("standard deviation " + sd + " of " + f.path("name").asText());
                }
                features.add(new Feature(f.path("name").asText(), category, mean, sd, levels,
                        category ? number(f, "weight") : 1));
            }
            JsonNode m = json.path("segmentOfCluster");
            int[] map = new int[m.size()];
            for (int i = 0; i < map.length; i++) {
                map[i] = m.get(i).asInt(-1);
            }
            return new FittedSegmentation(algorithm, scaling, input, features, clusterer, header, map);
        } catch (IllegalArgumentException e) {
            throw new SegmentException(SegmentException.Reason.UNREADABLE_SETTINGS,
                    UserMessage.of("segment.error.settingsInvalid", e.getMessage()), e);
        }
    }

    private static double number(JsonNode o, String name) {
        JsonNode n = o.get(name);
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException(name + " is not a number");
        }
        return n.asDouble();
    }

    private static SegmentException unreadable(String what) {
        return new SegmentException(SegmentException.Reason.UNREADABLE_SETTINGS,
                UserMessage.of("segment.error.settingsInvalid", what));
    }
}
