package org.marketingworkbench.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The fitted segmentation a Segment step's result keeps places the step's own customers where the step placed
 * them, so a model file can give new customers segments that mean the same.
 */
class FittedSegmentationTest {

    private static Dataset customers;
    private static final List<String> FEATURES = List.of("age", "total_spend", "web_visits_30d", "channel");

    @BeforeAll
    static void read() throws Exception {
        customers = new DataImporter().read(Path.of("sample-data", "customers.csv"), ImportSettings.auto(),
                Progress.none()).dataset();
    }

    /** Small samples for EM and hierarchical clustering, so that some customers lie beyond them. */
    private static SegmentationResult run(Algorithm algorithm) throws Exception {
        SegmentationSettings s = SegmentationSettings.kMeans(FEATURES, 4).withAlgorithm(algorithm).withRestarts(3);
        return new SegmentStep(1500, 300).run(customers, s, Progress.none());
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void theStepsCustomersAreAssignedTheSegmentsTheStepGaveThem(Algorithm algorithm) throws Exception {
        SegmentationResult r = run(algorithm);
        FittedSegmentation fitted = r.fittedSegmentation().orElseThrow();
        assertThat(fitted.k()).isEqualTo(r.k());
        assertThat(fitted.requiredColumns()).isEqualTo(FEATURES);

        FittedSegmentation.Assignment a = fitted.assign(customers, Progress.none());

        int[] expected = r.segmentOfRow();
        int[] got = a.segmentOfRow();
        assertThat(a.missing()).isEqualTo(r.rowsLeftOut()); // age is missing for some customers
        assertThat(a.unseen()).isZero();
        if (algorithm == Algorithm.HIERARCHICAL) {
            // the tree placed its 300 sampled customers; every other customer joined the nearest centre, as here
            int same = 0;
            for (int i = 0; i < expected.length; i++) {
                same += expected[i] == got[i] ? 1 : 0;
            }
            assertThat(r.rowsFitted()).isEqualTo(300);
            assertThat(expected.length - same).isLessThanOrEqualTo(r.rowsFitted());
            assertThat((double) same / expected.length).isGreaterThan(0.97);
        } else {
            assertThat(got).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void readBackFromItsJsonItAssignsTheSame(Algorithm algorithm) throws Exception {
        FittedSegmentation fitted = run(algorithm).fittedSegmentation().orElseThrow();
        FittedSegmentation back = FittedSegmentation.fromJson(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(fitted.toJson().toString()),
                fitted.clusterer(), fitted.header());
        assertThat(back.assign(customers, Progress.none()).segmentOfRow())
                .isEqualTo(fitted.assign(customers, Progress.none()).segmentOfRow());
        assertThat(back.features()).isEqualTo(fitted.features());
    }

    @Test
    void theKMeansClustererKeepsTheCentresButNoCustomersLabel() throws Exception {
        FittedSegmentation fitted = run(Algorithm.KMEANS).fittedSegmentation().orElseThrow();
        FastKMeans km = (FastKMeans) fitted.clusterer();
        assertThat(km.getAssignments()).isEmpty();
        assertThat(km.getCentroids()).hasNumberOfRows(4);
        assertThat(km.numberOfClusters()).isEqualTo(4);
    }

    @Test
    void aCategoryValueNeverSeenOrAMissingValueGivesNoSegment() throws Exception {
        FittedSegmentation fitted = run(Algorithm.KMEANS).fittedSegmentation().orElseThrow();
        Table t = customers.table().first(3).copy();
        StringColumn channel = t.stringColumn("channel");
        channel.set(1, "Carrier pigeon");
        Dataset three = new Dataset(t, customers.columns());
        FittedSegmentation.Assignment a = fitted.assign(three, Progress.none());
        assertThat(a.segmentOfRow()[1]).isZero();
        assertThat(a.unseen()).isEqualTo(1);
        assertThat(a.unseenValues()).containsEntry("channel", List.of("Carrier pigeon"));
        // the first sample customer has no age: left out, as in the Segment step
        assertThat(customers.table().doubleColumn("age").isMissing(0)).isTrue();
        assertThat(a.segmentOfRow()[0]).isZero();
        assertThat(a.missing()).isEqualTo(1);
        assertThat(a.segmentOfRow()[2]).isBetween(1, 4);
        assertThat(a.assigned()).isEqualTo(1);
    }

    @Test
    void aFileWithoutAFeatureOrWithTextForANumberIsNamed() throws Exception {
        FittedSegmentation fitted = run(Algorithm.KMEANS).fittedSegmentation().orElseThrow();
        Dataset without = new Dataset(customers.table().copy().removeColumns("channel"),
                customers.columns().stream().filter(c -> !c.name().equals("channel")).toList());
        assertThat(fitted.missingColumns(without)).containsExactly("channel");
        assertThatThrownBy(() -> fitted.assign(without, Progress.none())).isInstanceOfSatisfying(SegmentException.class,
                e -> assertThat(e.reason()).isEqualTo(SegmentException.Reason.UNKNOWN_FEATURE));
    }

    @Test
    void aResultMadeWithoutItSaysSo() {
        SegmentationResult r = new SegmentationResult(SegmentationSettings.kMeans(List.of("x"), 2), 2, List.of(),
                List.of(), new int[0], 0, new SilhouetteScore(Double.NaN, new double[0], 0, true), 0, 0, 0, 0,
                new FeatureExplanation(List.of(), List.of()), List.of());
        assertThat(r.fittedSegmentation()).isEmpty();
    }
}
