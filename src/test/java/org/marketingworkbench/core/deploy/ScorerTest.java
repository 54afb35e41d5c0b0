package org.marketingworkbench.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.TrainedModel;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ScorerTest {

    private static Dataset data;
    private static LoadedBundle bundle;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws Exception {
        data = DeployFixtures.customers();
        TrainedModel model = DeployFixtures.model(data, "logistic");
        bundle = new LoadedBundle(ModelBundle.VERSION, model, 0.5, null);
    }

    @Test
    void theModelNeedsItsFeaturesButNotItsTargetNorUnusedColumns() {
        List<String> required = Scorer.required(bundle.model()).stream().map(c -> c.name()).toList();
        assertThat(required).contains("n_orders", "channel").doesNotContain("responded", "customer_id", "email");
        Scorer.Check check = Scorer.check(bundle.model(), data);
        assertThat(check.missing()).isEmpty();
        assertThat(check.typeMismatches()).isEmpty();
        assertThat(check.extra()).contains("customer_id", "responded");
    }

    @Test
    void aNumberColumnThatHoldsWordsIsATypeMismatchInWords() {
        Table t = data.table().copy();
        String[] words = new String[t.rowCount()];
        java.util.Arrays.fill(words, "several");
        t.replaceColumn("n_orders", StringColumn.create("n_orders", words));
        List<ColumnSpec> specs = new ArrayList<>();
        for (ColumnSpec c : data.columns()) {
            specs.add(c.name().equals("n_orders") ? new ColumnSpec(c.name(), ColumnType.CATEGORY, UserMessage.of("test")) : c);
        }
        Dataset wrong = new Dataset(t, specs);
        assertThatThrownBy(() -> Scorer.score(bundle, wrong, Scorer.UnseenCategories.MISSING, Progress.none()))
                .isInstanceOfSatisfying(DeployException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeployException.Reason.TYPE_MISMATCH);
                    assertThat(e.userMessage().format(Locale.ENGLISH)).contains("n_orders (number → category)");
                });
    }

    @Test
    void ranksAndDecilesFollowTheScore() throws Exception {
        Dataset scored = Scorer.score(bundle, data, Scorer.UnseenCategories.MISSING, Progress.none());
        Table t = scored.table();
        assertThat(t.rowCount()).isEqualTo(data.rowCount());
        double best = -1;
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.doubleColumn("rank").getDouble(r) == 1) {
                best = t.doubleColumn("score").getDouble(r);
                assertThat(t.doubleColumn("decile").getDouble(r)).isEqualTo(1);
            }
            assertThat(t.stringColumn("predicted").get(r))
                    .isEqualTo(t.doubleColumn("score").getDouble(r) >= 0.5 ? "yes" : "no");
        }
        assertThat(best).isEqualTo(t.doubleColumn("score").max());
        assertThat(data.table().columnCount()).isEqualTo(t.columnCount() - 4);
    }

    /** The first form never had provenance; a model.json with it and no manifest is a current bundle cut short. */
    @Test
    void aCurrentBundleThatLostItsManifestIsRefusedAsIncomplete() throws Exception {
        Path old = dir.resolve("old.mwbmodel");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(old))) {
            for (Map.Entry<String, byte[]> p : Map.of(ModelBundle.MODEL_JSON,
                    ModelBundle.modelJson(bundle.model(), 0.5, null)).entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(ModelBundle.WEKA_MODEL));
            zip.write(ModelBundle.wekaModel(bundle.model()));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> ModelBundleReader.read(old)).isInstanceOfSatisfying(DeployException.class,
                e -> assertThat(e.userMessage().format(Locale.ENGLISH)).contains("has no list of checksums"));
    }
}
