package org.marketingworkbench.ui.clean;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.PrefixSelectionComboBox;
import org.marketingworkbench.core.clean.step.Operation;
import org.marketingworkbench.core.clean.step.Operations;
import org.marketingworkbench.core.clean.step.StepOption;
import org.marketingworkbench.core.clean.step.StepSettings;
import org.marketingworkbench.ui.common.Combos;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.LocalizedControls;

/**
 * The controls of the Clean screen's "Add a step" form, built from the chosen operation's options in
 * the registry ({@link Operations}): a choice becomes a combo box, a flag a check box, a text a field, a
 * number a spinner. Each control writes into {@link StepFormModel}; the model's draft is copied back
 * into the controls. It holds no state of its own beyond which controls it built.
 */
final class StepFormView {

    private final StepFormModel form;
    private final Localization l10n;
    private final ComboBox<String> opBox;
    private final VBox opOptions;
    private final Label formColumns;
    private final Label formProblem;
    private final Button addStepButton;
    private final Button cancelEditButton;
    private final ObservableBooleanValue busy;
    /** What the option controls were built for: rebuilt only when this changes, else their values synced. */
    private List<Object> shownForm = List.of();
    private final Map<String, Consumer<Object>> optionSetters = new HashMap<>();
    private boolean syncing;

    StepFormView(StepFormModel form, Localization l10n, ComboBox<String> opBox, VBox opOptions, Label formColumns,
                 Label formProblem, Button addStepButton, Button cancelEditButton, ObservableBooleanValue busy) {
        this.form = form;
        this.l10n = l10n;
        this.opBox = opBox;
        this.opOptions = opOptions;
        this.formColumns = formColumns;
        this.formProblem = formProblem;
        this.addStepButton = addStepButton;
        this.cancelEditButton = cancelEditButton;
        this.busy = busy;
        setUp();
    }

    /** After a language switch: the option controls are built again with the new labels. */
    void relabel() {
        shownForm = List.of();
        syncing = true;
        try {
            Combos.relabel(opBox);
        } finally {
            syncing = false;
        }
        showForm(form.draftProperty().get());
    }

    private void setUp() {
        opBox.setItems(FXCollections.observableArrayList(Operations.ids()));
        opBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String op) {
                return op == null ? "" : l10n.get("clean.op." + op);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        opBox.valueProperty().addListener((obs, o, n) -> {
            if (!syncing && n != null) {
                form.chooseOperation(n);
            }
        });
        form.draftProperty().addListener((obs, o, n) -> showForm(n));
        form.editingProperty().addListener((obs, o, n) -> {
            shownForm = List.of();
            showForm(form.draftProperty().get());
        });
        LocalizedControls.showWhenText(formProblem, l10n.bind(form.problemProperty()));
        formColumns.textProperty().bind(Bindings.createStringBinding(() -> {
            List<String> cols = form.draftProperty().get().columns();
            return cols.isEmpty() ? l10n.get("clean.form.noColumns") : l10n.get("clean.form.columns", String.join(", ", cols));
        }, form.draftProperty(), l10n.localeProperty()));
        addStepButton.textProperty().bind(Bindings.createStringBinding(() -> l10n.get(
                form.editingProperty().get() >= 0 ? "clean.form.update" : "clean.form.add"),
                form.editingProperty(), l10n.localeProperty()));
        addStepButton.disableProperty().bind(busy);
        cancelEditButton.visibleProperty().bind(form.editingProperty().greaterThanOrEqualTo(0));
        cancelEditButton.managedProperty().bind(cancelEditButton.visibleProperty());
        showForm(form.draftProperty().get());
    }

    /**
     * Shows the draft: the option controls are rebuilt when the operation, the columns (which decide the
     * choices on offer) or the edit state change; otherwise only their values are brought up to date, so
     * typing in a field never loses its focus.
     */
    private void showForm(StepSettings d) {
        syncing = true;
        try {
            opBox.setValue(d.op());
            List<Object> shape = List.of(d.op(), d.columns(), form.editingProperty().get());
            if (!shape.equals(shownForm)) {
                shownForm = shape;
                buildOptions(Operations.get(d.op()));
            }
            for (Map.Entry<String, Consumer<Object>> setter : optionSetters.entrySet()) {
                setter.getValue().accept(d.value(setter.getKey()));
            }
            for (StepOption o : Operations.get(d.op()).options()) {
                Node control = opOptions.lookup("#option-" + o.key());
                if (control != null) {
                    control.setDisable(!o.appliesTo(d));
                }
            }
        } finally {
            syncing = false;
        }
    }

    private void buildOptions(Operation op) {
        opOptions.getChildren().clear();
        optionSetters.clear();
        for (StepOption o : op.options()) {
            switch (o.kind()) {
                case CHOICE -> {
                    ComboBox<String> box = new PrefixSelectionComboBox<>();
                    box.getItems().setAll(form.choices(o));
                    box.setId("option-" + o.key());
                    box.setMaxWidth(Double.MAX_VALUE);
                    box.setConverter(new StringConverter<>() {
                        @Override
                        public String toString(String v) {
                            return v == null ? "" : l10n.get(o.choiceLabelKey(v));
                        }

                        @Override
                        public String fromString(String s) {
                            return null;
                        }
                    });
                    box.valueProperty().addListener((obs, was, now) -> {
                        if (!syncing && now != null) {
                            form.setOption(o.key(), now);
                        }
                    });
                    optionSetters.put(o.key(), v -> box.setValue(v == null ? null : v.toString()));
                    opOptions.getChildren().add(labelled(o.labelKey(), box));
                }
                case FLAG -> {
                    CheckBox check = new CheckBox(l10n.get(o.labelKey()));
                    check.setId("option-" + o.key());
                    check.setWrapText(true);
                    check.selectedProperty().addListener((obs, was, now) -> {
                        if (!syncing) {
                            form.setOption(o.key(), now);
                        }
                    });
                    optionSetters.put(o.key(), v -> check.setSelected(Boolean.TRUE.equals(v)));
                    opOptions.getChildren().add(check);
                }
                case TEXT -> {
                    TextField field = new TextField();
                    field.setId("option-" + o.key());
                    if (o.promptKey() != null) {
                        field.setPromptText(l10n.get(o.promptKey()));
                    }
                    field.textProperty().addListener((obs, was, now) -> {
                        if (!syncing) {
                            form.setOption(o.key(), now);
                        }
                    });
                    optionSetters.put(o.key(), v -> {
                        String text = v == null ? "" : v.toString();
                        if (!text.equals(field.getText())) {
                            field.setText(text);
                        }
                    });
                    opOptions.getChildren().add(o.labelKey() == null ? field : labelled(o.labelKey(), field));
                }
                case NUMBER -> {
                    Spinner<Double> spinner = new Spinner<>(o.min(), o.max(), ((Number) o.defaults().get(0)).doubleValue(), o.step());
                    spinner.setId("option-" + o.key());
                    spinner.setEditable(true);
                    spinner.valueProperty().addListener((obs, was, now) -> {
                        if (!syncing && now != null) {
                            form.setOption(o.key(), now);
                        }
                    });
                    optionSetters.put(o.key(), v -> {
                        if (v instanceof Number n) {
                            spinner.getValueFactory().setValue(n.doubleValue());
                        }
                    });
                    opOptions.getChildren().add(labelled(o.labelKey(), spinner));
                }
                case HIDDEN -> {
                    // carried through an edit, never shown
                }
            }
        }
        Label explain = new Label(l10n.get("clean.explain." + op.id() + ".what"));
        explain.setWrapText(true);
        explain.getStyleClass().add("panel-hint");
        opOptions.getChildren().add(explain);
    }

    private VBox labelled(String key, Node control) {
        Label label = new Label(l10n.get(key));
        label.setWrapText(true);
        if (control instanceof javafx.scene.control.Control c) {
            label.setLabelFor(c);
        }
        return new VBox(3, label, control);
    }


}
