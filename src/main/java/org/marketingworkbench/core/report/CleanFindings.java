package org.marketingworkbench.core.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.marketingworkbench.core.clean.CleanResult;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.clean.profile.ColumnProfiler;
import org.marketingworkbench.core.clean.profile.DatasetProfile;
import org.marketingworkbench.core.clean.step.StepEffect;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * What the Clean step did: the recipe and what each enabled step did, the profile of the table before and after
 * the recipe, and the features that tell the target apart best.
 *
 * @param target      the column the profile was measured against (the leakage check), if one was chosen
 * @param effects     what each enabled step did, in recipe order
 * @param before      the profile of the imported table
 * @param after       the profile of the cleaned table
 * @param keyFeatures the features that matter, best first (empty without a target)
 * @param notice      a remark on the recipe (steps switched off for a file without their columns)
 */
public record CleanFindings(Optional<String> target, Recipe recipe, List<StepEffect> effects, DatasetProfile before,
                            DatasetProfile after, List<KeyFeature> keyFeatures, Optional<UserMessage> notice) {

    /** The report draws at most this many features that matter. */
    public static final int MAX_KEY_FEATURES = 6;

    public CleanFindings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        effects = List.copyOf(effects);
        keyFeatures = List.copyOf(keyFeatures);
        Objects.requireNonNull(notice, "notice");
    }

    /**
     * The findings of a recipe run: profiles the imported and the cleaned table (every cell is read: run it in the
     * background) and ranks the features that matter.
     *
     * @param before   the imported table's profile against {@code target} if the caller has it (the Clean screen
     *                 does), else null to work it out
     * @param positive the target class that means "yes", for the sentences (see {@link KeyFeature#rank})
     */
    public static CleanFindings of(Dataset imported, Optional<String> target, Optional<String> positive, Recipe recipe,
                                   CleanResult cleaned, DatasetProfile before, Optional<UserMessage> notice,
                                   Progress progress) throws CleanException {
        Optional<String> t = target.filter(name -> imported.spec(name).isPresent());
        DatasetProfile profileBefore = before != null ? before
                : ColumnProfiler.profile(imported, t, progress.slice(0, 0.45));
        progress.throwIfCancelled();
        Dataset out = cleaned.dataset();
        DatasetProfile profileAfter = ColumnProfiler.profile(out, t.filter(name -> out.spec(name).isPresent()),
                progress.slice(0.45, 0.9));
        progress.throwIfCancelled();
        List<KeyFeature> key = t.isEmpty() ? List.of()
                : KeyFeature.rank(imported, profileBefore, t.get(), positive, MAX_KEY_FEATURES);
        progress.report(1);
        return new CleanFindings(t, recipe, cleaned.effects(), profileBefore, profileAfter, key, notice);
    }
}
