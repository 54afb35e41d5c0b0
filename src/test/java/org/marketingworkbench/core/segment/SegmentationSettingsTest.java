package org.marketingworkbench.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.project.StepRecord;

class SegmentationSettingsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void settingsSurviveTheProjectFile() throws Exception {
        SegmentationSettings s = SegmentationSettings.kMeans(List.of("income", "age"), 5).withAlgorithm(Algorithm.EM)
                .withSeed(42).withScaling(Scaling.NONE).withRestarts(3);
        StepRecord record = SegmentStepRecord.of(s, null);
        StepRecord reread = new StepRecord(record.done(), (ObjectNode) json.readTree(json.writeValueAsString(record.settings())),
                record.result());
        assertThat(SegmentStepRecord.settings(reread)).isEqualTo(s);
        assertThat(record.settings().get("version").asInt()).isEqualTo(SegmentationSettings.CURRENT_VERSION);
    }

    @Test
    void settingsWithoutAVersionAreReadAsVersionOneWithDefaults() throws Exception {
        SegmentationSettings s = SegmentationSettings.fromJson(json.readTree("{\"features\":[\"a\"],\"k\":3}"));
        assertThat(s).isEqualTo(SegmentationSettings.kMeans(List.of("a"), 3));
    }

    @Test
    void settingsFromANewerWorkbenchAreRefusedWithAMessage() throws Exception {
        SegmentException e = catchThrowableOfType(SegmentException.class,
                () -> SegmentationSettings.fromJson(json.readTree("{\"version\":99,\"features\":[\"a\"],\"k\":3}")));
        assertThat(e.reason()).isEqualTo(SegmentException.Reason.UNREADABLE_SETTINGS);
        assertThat(e.getMessage()).contains("newer version").contains("99");
        assertThat(catchThrowableOfType(SegmentException.class, () -> SegmentationSettings.fromJson(
                json.readTree("{\"algorithm\":\"dbscan\"}"))).getMessage()).contains("dbscan");
    }

    @Test
    void theRecordKeepsASummaryOfTheResult() throws Exception {
        SegmentationResult r = new SegmentStep().run(Tables.groups(1, 30, 20), SegmentationSettings.kMeans(
                List.of("income", "age"), 2), org.marketingworkbench.core.pipeline.Progress.none());
        StepRecord record = SegmentStepRecord.of(r.settings(), r);
        assertThat(record.done()).isTrue();
        assertThat(record.result().get("sizes").toString()).isEqualTo("[30,20]");
        assertThat(record.result().get("averageSilhouette").asDouble()).isEqualTo(r.averageSilhouette());
    }

    @Test
    void algorithmsAndScalingsAreFoundByTheirIds() {
        for (Algorithm a : Algorithm.values()) {
            assertThat(Algorithm.fromId(a.id())).contains(a);
            assertThat(a.label().key()).isEqualTo("segment.algorithm." + a.id());
        }
        assertThat(Scaling.fromId("standardize")).contains(Scaling.STANDARDISE);
        assertThat(Algorithm.fromId("dbscan")).isEmpty();
    }
}
