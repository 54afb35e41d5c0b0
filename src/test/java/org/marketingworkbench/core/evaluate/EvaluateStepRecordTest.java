package org.marketingworkbench.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.project.StepRecord;

class EvaluateStepRecordTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theSettingsSurviveTheProjectFileInTheFormTheScreenWrote() throws Exception {
        StepRecord record = EvaluateStepRecord.of(new EvaluateSettings(0.35, "2,5", "80"));
        assertThat(record.done()).isTrue();
        assertThat(record.settings().toString())
                .isEqualTo("{\"version\":1,\"threshold\":0.35,\"cost\":\"2,5\",\"value\":\"80\"}");
        EvaluateSettings back = EvaluateStepRecord.settings(new StepRecord(true,
                (ObjectNode) json.readTree(record.settings().toString()), null));
        assertThat(back).isEqualTo(new EvaluateSettings(0.35, "2,5", "80"));
        assertThat(back.costAmount()).hasValue(2.5);
        assertThat(back.valueAmount()).hasValue(80.0);
    }

    @Test
    void missingOrDamagedSettingsTakeTheirDefaults() throws Exception {
        assertThat(EvaluateStepRecord.settings(StepRecord.empty())).isEqualTo(EvaluateSettings.defaults());
        StepRecord damaged = new StepRecord(true,
                (ObjectNode) json.readTree("{\"threshold\":7,\"cost\":\"free\"}"), null);
        EvaluateSettings s = EvaluateStepRecord.settings(damaged);
        assertThat(s.threshold()).isEqualTo(EvaluateSettings.DEFAULT_THRESHOLD);
        assertThat(s.cost()).isEqualTo("free");
        assertThat(s.costAmount()).isEmpty();
        assertThat(s.value()).isEqualTo(EvaluateSettings.DEFAULT_VALUE);
    }
}
