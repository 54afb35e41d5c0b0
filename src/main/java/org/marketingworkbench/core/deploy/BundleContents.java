package org.marketingworkbench.core.deploy;

import java.util.Map;
import org.marketingworkbench.core.clean.FittedRecipe;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.segment.SegmentationResult;
import org.marketingworkbench.core.train.TrainedModel;

/**
 * Everything a model bundle holds, for {@link ModelBundle#write(BundleContents, java.nio.file.Path)}: the trained
 * model (always) and optional parts. Start with {@link #of(TrainedModel)} and add what is known:
 *
 * <pre>{@code
 * ModelBundle.write(BundleContents.of(model)
 *         .withThreshold(0.35)
 *         .withSourceSha256(importResult.sha256())
 *         .withImportSettings(importResult.resolvedSettings())
 *         .withEvaluation(EvaluationSummary.of(trainingResult, model.learnerId()))
 *         .withSegmentation(segmentationResult, fittedCleaningRecipe, segmentNames), file);
 * }</pre>
 *
 * @param model          the trained model
 * @param threshold      the score from which a customer is predicted positive (two classes), 0..1
 * @param sourceSha256   SHA-256 (hex) of the file the model was trained on, or null when unknown
 * @param importSettings how the training file was read (resolved: every detected value filled in), or null; the
 *                       file to score is read with them
 * @param evaluation     the learner's validation figures, or null
 * @param segmentation   the segments to give scored customers, or null
 * @param importedFrom   for a model imported from Weka: the file it came from, or null
 */
public record BundleContents(TrainedModel model, double threshold, String sourceSha256, ImportSettings importSettings,
                             EvaluationSummary evaluation, BundleSegmentation segmentation, ImportedModel importedFrom) {

    /** The Weka file a model was imported from: its name (no folder) and SHA-256. */
    public record ImportedModel(String fileName, String sha256, String headerFileName) {
    }

    public BundleContents {
        java.util.Objects.requireNonNull(model, "model");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold " + threshold);
        }
    }

    /** The model alone, with the default threshold. */
    public static BundleContents of(TrainedModel model) {
        return new BundleContents(model, ModelBundle.DEFAULT_THRESHOLD, null, null, null, null, null);
    }

    public BundleContents withThreshold(double v) {
        return new BundleContents(model, v, sourceSha256, importSettings, evaluation, segmentation, importedFrom);
    }

    public BundleContents withSourceSha256(String v) {
        return new BundleContents(model, threshold, v, importSettings, evaluation, segmentation, importedFrom);
    }

    public BundleContents withImportSettings(ImportSettings v) {
        return new BundleContents(model, threshold, sourceSha256, v, evaluation, segmentation, importedFrom);
    }

    public BundleContents withEvaluation(EvaluationSummary v) {
        return new BundleContents(model, threshold, sourceSha256, importSettings, v, segmentation, importedFrom);
    }

    public BundleContents withSegmentation(BundleSegmentation v) {
        return new BundleContents(model, threshold, sourceSha256, importSettings, evaluation, v, importedFrom);
    }

    /**
     * With the segmentation of a Segment step's result; see {@link BundleSegmentation#of}.
     *
     * @throws DeployException when the result holds no fitted segmentation
     */
    public BundleContents withSegmentation(SegmentationResult result, FittedRecipe recipe, Map<Integer, String> names)
            throws DeployException {
        return withSegmentation(BundleSegmentation.of(result, recipe, names));
    }

    public BundleContents withImportedFrom(ImportedModel v) {
        return new BundleContents(model, threshold, sourceSha256, importSettings, evaluation, segmentation, v);
    }
}
