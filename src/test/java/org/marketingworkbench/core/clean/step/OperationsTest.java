package org.marketingworkbench.core.clean.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.clean.RecipeJson;
import org.marketingworkbench.core.data.ColumnType;

/**
 * Walks every operation and every combination of its options: building a step, reading it back into a
 * form and building again gives the same step, so editing a step never changes what the user did not
 * touch; and every such step survives the recipe JSON.
 */
class OperationsTest {

    private static final String SALT = "0123456789abcdef0123456789abcdef";

    @Test
    void buildEditRebuildGivesTheSameStepForEveryOperationAndOption() throws Exception {
        int checked = 0;
        for (Operation op : Operations.all()) {
            for (StepSettings settings : everySetting(op)) {
                if (op.problem(settings, c -> Optional.empty()).isPresent()) {
                    continue;
                }
                RecipeStep built = op.build(settings, SALT);
                StepSettings read = Operations.read(built);
                RecipeStep rebuilt = Operations.get(read.op()).build(read, "another-project-salt");
                assertThat(rebuilt).as("%s from %s", op.id(), settings).isEqualTo(built);
                for (StepOption o : op.options()) {
                    if (o.shown() && !(op.id().equals(RemoveDuplicatesStep.OP))) {
                        assertThat(read.value(o.key())).as("%s.%s read back", op.id(), o.key())
                                .isEqualTo(expected(op, o, settings));
                    }
                }
                Recipe recipe = RecipeJson.readRecipe(RecipeJson.write(new Recipe(List.of(built))));
                assertThat(recipe.steps()).containsExactly(built);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    /** A ratio's blank name becomes its default name; every other value reads back as it was set. */
    private static Object expected(Operation op, StepOption o, StepSettings s) {
        if (op.id().equals(RatioStep.OP) && s.text("name").isBlank()) {
            return s.columns().get(0) + "_per_" + s.columns().get(1);
        }
        if (op.id().equals(RatioStep.OP)) {
            return s.text("name").strip();
        }
        if (op.id().equals(MissingValuesStep.OP) && o.key().equals("constant")
                && !"CONSTANT".equals(s.value("strategy"))) {
            return "";
        }
        return s.value(o.key());
    }

    @Test
    void everyOperationIsBoundToItsStepClassInJson() {
        assertThat(Operations.ids()).doesNotHaveDuplicates().hasSize(RecipeStep.class.getPermittedSubclasses().length);
        for (Operation op : Operations.all()) {
            assertThat(op.type().isRecord()).isTrue();
            assertThat(op.id()).isNotBlank();
        }
    }

    @Test
    void editingADropMaskStepKeepsDrop() {
        RecipeStep drop = MaskPersonalStep.drop(List.of("email"));
        StepSettings form = Operations.read(drop);
        assertThat(form.value("method")).isEqualTo("DROP");
        assertThat(Operations.get(MaskPersonalStep.OP).build(form, SALT)).isEqualTo(drop);
    }

    @Test
    void aCategoryColumnIsNotOfferedMedianAndDefaultsToTheMostFrequentValue() {
        Operation missing = Operations.get(MissingValuesStep.OP);
        StepOption strategy = missing.option("strategy").orElseThrow();
        assertThat(strategy.choicesFor(Set.of(ColumnType.CATEGORY))).doesNotContain("MEDIAN", "MEAN")
                .contains("MOST_FREQUENT", "CONSTANT", "DROP_ROWS");
        assertThat(missing.defaults(List.of("job"), Set.of(ColumnType.CATEGORY)).value("strategy"))
                .isEqualTo("MOST_FREQUENT");
        assertThat(missing.defaults(List.of("age"), Set.of(ColumnType.NUMBER)).value("strategy")).isEqualTo("MEDIAN");
    }

    @Test
    void theFormSaysWhatIsMissing() {
        Operation ratio = Operations.get(RatioStep.OP);
        assertThat(ratio.problem(ratio.defaults(List.of("a"), Set.of()), c -> Optional.empty()))
                .hasValueSatisfying(m -> assertThat(m.key()).isEqualTo("clean.form.chooseTwo"));
        Operation scale = Operations.get(ScaleStep.OP);
        assertThat(scale.problem(scale.defaults(List.of("job"), Set.of()), c -> Optional.of(ColumnType.CATEGORY)))
                .hasValueSatisfying(m -> assertThat(m.key()).isEqualTo("clean.error.wrongType"));
        Operation duplicates = Operations.get(RemoveDuplicatesStep.OP);
        assertThat(duplicates.problem(duplicates.defaults(List.of(), Set.of()), c -> Optional.empty())).isEmpty();
    }

    private static List<StepSettings> everySetting(Operation op) {
        List<String> columns = switch (op.arity()) {
            case ONE -> List.of("a");
            case TWO -> List.of("a", "b");
            default -> List.of("a", "b", "c");
        };
        List<StepSettings> out = new ArrayList<>();
        out.add(op.defaults(columns, Set.of()));
        for (StepOption o : op.options()) {
            List<StepSettings> next = new ArrayList<>();
            for (StepSettings s : out) {
                for (Object v : valuesOf(o)) {
                    next.add(s.with(o.key(), v));
                }
            }
            out = next;
        }
        if (op.arity() == Operation.Arity.OPTIONAL) {
            List<StepSettings> withoutColumns = out.stream().map(s -> s.withColumns(List.of())).toList();
            out.addAll(withoutColumns);
        }
        return out;
    }

    private static List<Object> valuesOf(StepOption o) {
        return switch (o.kind()) {
            case CHOICE -> new ArrayList<>(o.choices());
            case FLAG -> List.of(true, false);
            case TEXT -> List.of("", "-1", " spend per order ", "未知");
            case NUMBER -> List.of(0.0, 0.5, 2.5, 7.3, 20.0);
            case HIDDEN -> o.key().equals("merge") ? List.of(Map.of(), Map.of("N.Y.", "New York"))
                    : o.key().equals("salt") ? java.util.Arrays.asList(null, SALT) : List.of(o.defaults().get(0));
        };
    }
}
