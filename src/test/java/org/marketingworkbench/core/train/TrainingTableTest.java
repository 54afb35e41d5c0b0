package org.marketingworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;

class TrainingTableTest {

    private final Dataset imported = Customers.create().number("income", 10, 20, 30)
            .category("bought", "yes", "no", "yes").build();

    @Test
    void theSegmentColumnJoinsTheImportedTableWhenCleaningKeptEveryRow() {
        Dataset segmented = Customers.create().number("income", 1, 2, 3).category("bought", "yes", "no", "yes")
                .category("segment", "1", "2", "1").build();

        TrainingData.Table t = TrainingData.withSegment(imported, segmented);

        assertThat(t.data().columns()).extracting(c -> c.name()).containsExactly("income", "bought", "segment");
        assertThat(t.data().spec("segment").orElseThrow().type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(t.data().table().numberColumn("income").get(0)).as("the imported values, not the cleaned ones")
                .isEqualTo(10.0);
        assertThat(t.notice()).isEmpty();
    }

    @Test
    void segmentsThatCannotBeLinedUpAreLeftOutWithANotice() {
        Dataset fewerRows = Customers.create().number("income", 1, 2).category("segment", "1", "2").build();
        TrainingData.Table t = TrainingData.withSegment(imported, fewerRows);
        assertThat(t.data()).isSameAs(imported);
        assertThat(t.notice()).hasValueSatisfying(m -> assertThat(m.key()).isEqualTo("train.notice.segmentRowsDiffer"));

        assertThat(TrainingData.withSegment(imported, null).data()).isSameAs(imported);
        assertThat(TrainingData.withSegment(imported, null).notice()).isEmpty();
    }
}
