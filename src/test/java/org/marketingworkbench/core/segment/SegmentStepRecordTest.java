package org.marketingworkbench.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.project.StepRecord;

class SegmentStepRecordTest {

    private final ObjectMapper json = new ObjectMapper();

    private StepRecord throughTheProjectFile(StepRecord record) throws Exception {
        return new StepRecord(record.done(), (ObjectNode) json.readTree(json.writeValueAsString(record.settings())),
                (ObjectNode) json.readTree(json.writeValueAsString(record.result())));
    }

    @Test
    void theUsersNamesSurviveTheProjectFile() throws Exception {
        SegmentationResult r = new SegmentStep().run(Tables.groups(1, 30, 20), SegmentationSettings.kMeans(
                List.of("income", "age"), 2), Progress.none());
        StepRecord record = throughTheProjectFile(SegmentStepRecord.of(r.settings(), r,
                Map.of(2, " Young savers ", 1, "年长高收入客户")));

        assertThat(SegmentStepRecord.names(record)).containsExactly(Map.entry(1, "年长高收入客户"),
                Map.entry(2, "Young savers"));
        assertThat(record.result().get("sizes").toString()).isEqualTo("[30,20]");
        assertThat(SegmentStepRecord.settings(record)).isEqualTo(r.settings());
    }

    @Test
    void blankNamesAreNotKept() throws Exception {
        SegmentationSettings s = SegmentationSettings.kMeans(List.of("income"), 3);
        StepRecord record = SegmentStepRecord.of(s, null, Map.of(1, "  ", 2, "Loyal"));
        assertThat(SegmentStepRecord.names(record)).containsExactly(Map.entry(2, "Loyal"));
        assertThat(SegmentStepRecord.names(SegmentStepRecord.of(s, null, Map.of(1, "")))).isEmpty();
    }

    @Test
    void aRecordSavedBeforeNamesExistedHasNone() throws Exception {
        StepRecord old = new StepRecord(true, (ObjectNode) json.readTree("{\"features\":[\"a\"],\"k\":3}"),
                (ObjectNode) json.readTree("{\"k\":3,\"sizes\":[5,4,3],\"rowsUsed\":12,\"rowsLeftOut\":0}"));
        assertThat(SegmentStepRecord.names(old)).isEmpty();
        assertThat(SegmentStepRecord.names(StepRecord.empty())).isEmpty();
        assertThat(SegmentStepRecord.settings(old)).isEqualTo(SegmentationSettings.kMeans(List.of("a"), 3));
    }

    @Test
    void aDamagedNameEntryIsSkipped() throws Exception {
        StepRecord damaged = new StepRecord(true, SegmentationSettings.kMeans(List.of("a"), 3).toJson(),
                (ObjectNode) json.readTree("{\"names\":{\"x\":\"A\",\"2\":7,\"3\":\"Kept\"}}"));
        assertThat(SegmentStepRecord.names(damaged)).containsExactly(Map.entry(3, "Kept"));
    }

    @Test
    void namesApplyOnlyToTheSettingsTheyWereTypedFor() {
        SegmentationSettings s = SegmentationSettings.kMeans(List.of("income", "age"), 4);
        StepRecord record = SegmentStepRecord.of(s, null, Map.of(1, "VIPs"));

        assertThat(SegmentStepRecord.namesApply(record, s)).isTrue();
        assertThat(SegmentStepRecord.namesApply(record, s.withK(5))).isFalse();
        assertThat(SegmentStepRecord.namesApply(record, s.withSeed(2))).isFalse();
        assertThat(SegmentStepRecord.namesApply(record, s.withFeatures(List.of("age", "income")))).isFalse();
        assertThat(SegmentStepRecord.namesApply(record, s.withScaling(Scaling.NONE))).isFalse();
    }

    @Test
    void replayedSegmentsKeepTheirNamesOnlyWhenTheyAreTheSameSegments() throws Exception {
        SegmentationSettings s = SegmentationSettings.kMeans(List.of("income", "age"), 2);
        SegmentationResult r = new SegmentStep().run(Tables.groups(1, 30, 20), s, Progress.none());
        StepRecord record = throughTheProjectFile(SegmentStepRecord.of(s, r, Map.of(1, "Loyal")));
        assertThat(SegmentStepRecord.storedSizes(record)).containsExactly(30, 20);

        SegmentationResult again = new SegmentStep().run(Tables.groups(1, 30, 20), s, Progress.none());
        assertThat(SegmentStepRecord.namesFor(record, again)).containsExactly(Map.entry(1, "Loyal"));

        SegmentationResult other = new SegmentStep().run(Tables.groups(1, 25, 25), s, Progress.none());
        assertThat(SegmentStepRecord.namesFor(record, other)).as("other sizes: other segments").isEmpty();
        assertThat(SegmentStepRecord.storedSizes(StepRecord.empty())).isEmpty();
    }

    @Test
    void aDamagedSizesEntryIsReadWithoutFailing() throws Exception {
        StepRecord record = new StepRecord(true, null,
                (ObjectNode) json.readTree("{\"sizes\": {\"a\": 30, \"b\": 20}, \"names\": {\"1\": \"Loyal\"}}"));
        SegmentationSettings s = SegmentationSettings.kMeans(List.of("income", "age"), 2);
        SegmentationResult other = new SegmentStep().run(Tables.groups(1, 25, 25), s, Progress.none());
        assertThat(SegmentStepRecord.namesFor(record, other)).isEmpty();
    }
}
