package org.marketingworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.project.StepRecord;

class TrainingSettingsTest {

    private static TrainingSettings settings() {
        return new TrainingSettings(TrainingSettings.CURRENT_VERSION, "y", "yes", List.of("age", "job"),
                List.of(LearnerChoice.defaults(Learners.LOGISTIC),
                        new LearnerChoice(Learners.RANDOM_FOREST, Map.of("trees", "50"), "-I 50 -K 3")),
                Validation.split(60, 20, 20), 7, Imbalance.COST_SENSITIVE);
    }

    @Test
    void settingsSurviveAJsonRoundTrip() throws Exception {
        TrainingSettings s = settings();
        assertThat(TrainingSettings.fromJson(s.toJson())).isEqualTo(s);
        TrainingSettings cv = s.withValidation(Validation.crossValidation(5, 10)).withImbalance(Imbalance.NONE);
        assertThat(TrainingSettings.fromJson(cv.toJson())).isEqualTo(cv);
        assertThat(s.problem()).isEmpty();
    }

    @Test
    void settingsFromANewerWorkbenchOrDamagedAreRefused() {
        var json = settings().toJson();
        json.put("version", 99);
        assertThatThrownBy(() -> TrainingSettings.fromJson(json)).isInstanceOfSatisfying(TrainException.class,
                e -> assertThat(e.reason()).isEqualTo(TrainException.Reason.UNREADABLE_SETTINGS));
        var bad = settings().toJson();
        bad.put("imbalance", "sometimes");
        assertThatThrownBy(() -> TrainingSettings.fromJson(bad)).isInstanceOf(TrainException.class);
    }

    @Test
    void problemsAreFoundBeforeAnyData() {
        assertThat(settings().withFeatures(List.of()).problem()).map(UserMessage::key).contains("train.error.noFeatures");
        assertThat(settings().withLearners(List.of()).problem()).map(UserMessage::key).contains("train.error.noLearners");
        assertThat(settings().withValidation(Validation.crossValidation(1, 0)).problem()).map(UserMessage::key)
                .contains("train.error.folds");
        assertThat(settings().withValidation(Validation.split(50, 20, 20)).problem()).map(UserMessage::key)
                .contains("train.error.splitPercent");
        assertThat(settings().withFeatures(List.of("y")).problem()).map(UserMessage::key)
                .contains("train.error.targetAsFeature");
    }

    @Test
    void theStepRecordKeepsSettingsTheLeaderboardAndTheChosenLearner() throws Exception {
        TrainingSettings s = settings();
        StepRecord empty = TrainStepRecord.of(s, null, null);
        assertThat(empty.done()).isFalse();
        assertThat(TrainStepRecord.settings(empty)).isEqualTo(s);
        assertThat(TrainStepRecord.chosen(empty)).isEqualTo(Optional.empty());
        LearnerResult lr = new LearnerResult(LearnerChoice.defaults(Learners.LOGISTIC),
                Map.of(MetricId.AUC, new Metric(0.8, 0.01)), 1.5, CurveKind.NONE, List.of(), UserMessage.of("x"),
                new Predictions(List.of("no", "yes"), 1, new int[0], new double[0], new double[0][], new double[0]));
        TrainingResult r = new TrainingResult(s, new TargetInfo("y", Task.BINARY, List.of("no", "yes"), new int[] {8, 2},
                Optional.of("yes")), List.of(lr), MetricId.AUC, new int[] {1, 2}, List.of());
        StepRecord rec = TrainStepRecord.of(s, r, Learners.LOGISTIC);
        assertThat(rec.done()).isTrue();
        assertThat(TrainStepRecord.chosen(rec)).contains(Learners.LOGISTIC);
        assertThat(rec.result().path("leaderboard").get(0).path("metrics").path("AUC").path("mean").asDouble())
                .isEqualTo(0.8);
    }
}
