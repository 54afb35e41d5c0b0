package org.marketingworkbench.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.DoubleColumn;

class SegmentStepTest {

    @BeforeAll
    static void quietWeka() throws Exception {
        WekaForTests.configure();
    }

    private static final List<String> FEATURES = List.of("income", "age", "city");

    /** Segment number → the group most of its customers came from (income rises by 40 per group). */
    private static int groupOf(Dataset data, SegmentationResult r, int segment) {
        double[] incomes = data.table().doubleColumn("income").asDoubleArray();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < incomes.length; i++) {
            if (r.segmentOfRow()[i] == segment) {
                sum += incomes[i];
                n++;
            }
        }
        return (int) Math.round((sum / n - 20) / 40);
    }

    @Test
    void kMeansRecoversAKnownStructureNumberedBySize() throws Exception {
        Dataset data = Tables.groups(1, 60, 150, 90);
        SegmentationResult r = new SegmentStep().run(data, SegmentationSettings.kMeans(FEATURES, 3), Progress.none());

        assertThat(r.sizes()).containsExactly(150, 90, 60);
        assertThat(groupOf(data, r, 1)).isEqualTo(1);
        assertThat(groupOf(data, r, 2)).isEqualTo(2);
        assertThat(groupOf(data, r, 3)).isEqualTo(0);
        assertThat(r.averageSilhouette()).isGreaterThan(0.6);
        assertThat(r.segments().get(0).share()).isCloseTo(0.5, within(1e-12));
        assertThat(r.iterations()).isPositive();
        // profile: income, age, then one column per city, most frequent first
        assertThat(r.profileColumns().stream().map(ProfileColumn::label).toList())
                .startsWith("income", "age").contains("city = Paris", "city = Berlin");
        Segment top = r.segments().get(0);
        assertThat(top.centroid()[0]).isCloseTo(60, within(1.0));
        assertThat(top.meanZ()[0]).isCloseTo((top.centroid()[0] - r.profileColumns().get(0).mean())
                / r.profileColumns().get(0).sd(), within(1e-9));
        int paris = r.profileColumns().stream().map(ProfileColumn::label).toList().indexOf("city = Paris");
        assertThat(top.centroid()[paris]).isGreaterThan(0.8);
        assertThat(top.meanZ()[paris]).isPositive();
    }

    @Test
    void everyRowGetsItsSegmentAndRowsWithAMissingFeatureAreMarkedMissing() throws Exception {
        Dataset data = Tables.groups(2, 40, 40);
        DoubleColumn income = data.table().doubleColumn("income").copy();
        income.setMissing(3);
        income.setMissing(10);
        Dataset holed = new Dataset(data.table().copy().replaceColumn("income", income), data.columns());

        SegmentationResult r = new SegmentStep().run(holed, SegmentationSettings.kMeans(FEATURES, 2), Progress.none());
        assertThat(r.rowsUsed()).isEqualTo(78);
        assertThat(r.rowsLeftOut()).isEqualTo(2);
        assertThat(r.segmentOf(3)).isEmpty();
        assertThat(r.segmentOf(0)).isPresent();
        assertThat(r.explanation().lines()).anyMatch(l -> l.key().equals("segment.explain.leftOut"));

        Dataset out = r.withSegmentColumn(holed);
        assertThat(out.rowCount()).isEqualTo(80);
        assertThat(out.table().columnNames()).endsWith("segment");
        assertThat(out.spec("segment").orElseThrow().type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(out.table().stringColumn("segment").get(3)).isEmpty();
        assertThat(out.table().stringColumn("segment").get(0)).isIn("1", "2");
        assertThat(holed.table().columnNames()).doesNotContain("segment");
        assertThat(r.withSegmentColumn(out).table().columnNames()).endsWith("segment", "segment_2");
    }

    @Test
    void reportsProgressWithMessagesAndStopsWhenCancelled() throws Exception {
        Dataset data = Tables.groups(3, 600, 600, 600);
        List<Double> fractions = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        new SegmentStep().run(data, SegmentationSettings.kMeans(FEATURES, 3), Progress.to((f, m) -> {
            fractions.add(f);
            if (m != null) {
                messages.add(m.key());
            }
        }));
        assertThat(fractions).isSortedAccordingTo(Double::compare);
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
        assertThat(messages).containsSubsequence("segment.progress.preparing", "segment.progress.clustering",
                "segment.progress.silhouette");

        Progress[] p = new Progress[1];
        int[] calls = new int[1];
        p[0] = Progress.to((f, m) -> {
            if (++calls[0] == 10) {
                p[0].cancel();
            }
        });
        assertThatThrownBy(() -> new SegmentStep().run(data, SegmentationSettings.kMeans(FEATURES, 3), p[0]))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void emWithAFixedNumberOfSegmentsRecoversTheStructure() throws Exception {
        Dataset data = Tables.groups(4, 50, 80, 30);
        SegmentationResult r = new SegmentStep().run(data,
                SegmentationSettings.kMeans(FEATURES, 3).withAlgorithm(Algorithm.EM), Progress.none());
        assertThat(r.sizes()).containsExactly(80, 50, 30);
        assertThat(r.iterations()).isZero();
        assertThat(r.withinClusterSumOfSquares()).isPositive();
        assertThat(r.notes()).extracting(UserMessage::key).containsExactly("segment.note.silhouetteExact");
    }

    @Test
    void emChoosesTheNumberOfSegmentsItselfAndSaysSo() throws Exception {
        Dataset data = Tables.groups(5, 40, 40, 40);
        SegmentationResult r = new SegmentStep().run(data, SegmentationSettings.kMeans(List.of("income", "age"),
                SegmentationSettings.AUTOMATIC_K).withAlgorithm(Algorithm.EM), Progress.none());
        assertThat(r.k()).isEqualTo(3);
        assertThat(r.notes()).extracting(UserMessage::key).contains("segment.note.emChoseK");
    }

    @Test
    void emOnLargeDataIsFittedOnAStatedSampleAndAssignsEveryRow() throws Exception {
        Dataset data = Tables.groups(6, 300, 200);
        SegmentationResult r = new SegmentStep(100, 100).run(data,
                SegmentationSettings.kMeans(FEATURES, 2).withAlgorithm(Algorithm.EM), Progress.none());
        assertThat(r.rowsFitted()).isEqualTo(100);
        assertThat(r.sizes()).containsExactly(300, 200);
        assertThat(r.notes().get(0)).isEqualTo(UserMessage.of("segment.note.emSample", 100, 500, 1));
    }

    @Test
    void hierarchicalOnASampleGivesTheSamePartitionAsKMeansOnClearGroups() throws Exception {
        Dataset data = Tables.groups(7, 150, 100, 50);
        SegmentationResult h = new SegmentStep(100, 120).run(data,
                SegmentationSettings.kMeans(FEATURES, 3).withAlgorithm(Algorithm.HIERARCHICAL), Progress.none());
        SegmentationResult k = new SegmentStep().run(data, SegmentationSettings.kMeans(FEATURES, 3), Progress.none());
        assertThat(h.rowsFitted()).isEqualTo(120);
        assertThat(h.segmentOfRow()).isEqualTo(k.segmentOfRow());
        assertThat(h.notes()).extracting(UserMessage::key).contains("segment.note.hierarchicalSample");
        assertThat(h.withinClusterSumOfSquares()).isCloseTo(k.withinClusterSumOfSquares(), within(1e-6));
    }

    @Test
    void featureChoiceTicksNumbersAndCategoriesButNotIdentifiersConstantsOrTheTarget() {
        Dataset data = Tables.create()
                .text("id", ColumnType.IDENTIFIER, "a", "b", "c")
                .number("income", 1, 2, 3)
                .number("visits", 4, 4, 4)
                .category("city", "x", "y", "x")
                .category("churned", "yes", "no", "no")
                .text("note", ColumnType.TEXT, "hi", "ho", "hu")
                .build();
        assertThat(FeatureChoice.defaults(data, Optional.of("churned"))).containsExactly("income", "city");
        assertThat(FeatureChoice.candidates(data, Optional.of("churned")))
                .filteredOn(c -> !c.usable()).extracting(FeatureChoice.Candidate::name).containsExactly("id", "note");
    }
}
