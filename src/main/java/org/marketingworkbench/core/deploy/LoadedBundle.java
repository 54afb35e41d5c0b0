package org.marketingworkbench.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.train.TrainedModel;

/**
 * A model bundle read back and checked: the model ready to score, the threshold it was saved with, its provenance
 * as written ({@code learner}, {@code wekaOptions}, {@code seed}, {@code sourceSha256}, versions, date), and the
 * optional parts it carries.
 *
 * @param version        the bundle's format version: 0 for the first form, saved without checksums (see
 *                       {@link #integrityChecked()}), 1 and 2 with them (2: with a segmentation)
 * @param importSettings how the training file was read, or null when the bundle does not say (older bundles,
 *                       imported Weka models)
 * @param evaluation     the learner's validation figures, or null
 * @param segmentation   the segments for scored customers, or null
 * @param notices        what the user should be told on opening it (e.g. that its integrity could not be checked)
 */
public record LoadedBundle(int version, TrainedModel model, double threshold, JsonNode provenance,
                           ImportSettings importSettings, EvaluationSummary evaluation,
                           BundleSegmentation segmentation, List<UserMessage> notices) {

    public LoadedBundle {
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    /** A bundle of a model alone (e.g. the model just trained, not read from a file). */
    public LoadedBundle(int version, TrainedModel model, double threshold, JsonNode provenance) {
        this(version, model, threshold, provenance, null, null, null, List.of());
    }

    /** Whether the file's parts were checked against their SHA-256 (every version but the first form). */
    public boolean integrityChecked() {
        return version >= 1;
    }

    public Optional<ImportSettings> storedImportSettings() {
        return Optional.ofNullable(importSettings);
    }

    public Optional<EvaluationSummary> storedEvaluation() {
        return Optional.ofNullable(evaluation);
    }

    public Optional<BundleSegmentation> storedSegmentation() {
        return Optional.ofNullable(segmentation);
    }

    /**
     * What to write to save this bundle again (to another file, or in the current format): every part it has,
     * the source data's hash from its provenance. A bundle saved again gets checksums, whatever its version.
     */
    public BundleContents contents() {
        String sha = provenance == null || !provenance.hasNonNull("sourceSha256") ? null
                : provenance.get("sourceSha256").asText();
        BundleContents.ImportedModel from = null;
        if (provenance != null && provenance.path("importedFrom").isObject()) {
            JsonNode f = provenance.path("importedFrom");
            from = new BundleContents.ImportedModel(f.path("file").asText(""), f.path("sha256").asText(""),
                    f.hasNonNull("header") ? f.get("header").asText() : null);
        }
        return new BundleContents(model, threshold, sha, importSettings, evaluation, segmentation, from);
    }
}
