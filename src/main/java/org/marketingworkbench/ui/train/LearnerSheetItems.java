package org.marketingworkbench.ui.train;

import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.Editors;
import org.controlsfx.property.editor.PropertyEditor;
import org.marketingworkbench.core.train.LearnerOption;
import org.marketingworkbench.core.train.OptionType;
import org.marketingworkbench.ui.common.Localization;

/**
 * A learner's plain settings as ControlsFX {@link PropertySheet} items: each reads and writes the learner's
 * value map in the view-model (as text, the way the settings are stored), with the setting's label and help
 * in the user's language; a setting with fixed choices gets a choice box.
 */
final class LearnerSheetItems {

    private LearnerSheetItems() {
    }

    static List<PropertySheet.Item> of(TrainViewModel.LearnerItem learner, Localization l10n) {
        return learner.definition().options().stream()
                .<PropertySheet.Item>map(o -> new OptionItem(learner, o, l10n)).toList();
    }

    /** Editors: a choice box for settings with fixed choices, the ControlsFX defaults for the rest. */
    static javafx.util.Callback<PropertySheet.Item, PropertyEditor<?>> editors() {
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        return item -> item instanceof OptionItem o && o.option.type() == OptionType.CHOICE
                ? Editors.createChoiceEditor(item, o.option.choices()) : defaults.call(item);
    }

    private static final class OptionItem implements PropertySheet.Item {
        private final TrainViewModel.LearnerItem learner;
        private final LearnerOption option;
        private final Localization l10n;

        OptionItem(TrainViewModel.LearnerItem learner, LearnerOption option, Localization l10n) {
            this.learner = learner;
            this.option = option;
            this.l10n = l10n;
        }

        @Override
        public Class<?> getType() {
            return switch (option.type()) {
                case INTEGER -> Integer.class;
                case DECIMAL -> Double.class;
                case BOOLEAN -> Boolean.class;
                case CHOICE -> String.class;
            };
        }

        @Override
        public String getCategory() {
            return l10n.get("train.learners.category");
        }

        @Override
        public String getName() {
            return l10n.get(option.labelKey());
        }

        @Override
        public String getDescription() {
            return l10n.get(option.helpKey());
        }

        @Override
        public Object getValue() {
            String v = learner.values().getOrDefault(option.id(), option.defaultValue());
            try {
                return switch (option.type()) {
                    case INTEGER -> Integer.valueOf(v.strip());
                    case DECIMAL -> Double.valueOf(v.strip());
                    case BOOLEAN -> Boolean.valueOf(v.strip());
                    case CHOICE -> v;
                };
            } catch (NumberFormatException e) {
                return getValue(option.defaultValue());
            }
        }

        private Object getValue(String v) {
            return switch (option.type()) {
                case INTEGER -> Integer.valueOf(v);
                case DECIMAL -> Double.valueOf(v);
                case BOOLEAN -> Boolean.valueOf(v);
                case CHOICE -> v;
            };
        }

        @Override
        public void setValue(Object value) {
            if (value == null) {
                return;
            }
            if (value instanceof Number n && (n.doubleValue() < option.min() || n.doubleValue() > option.max())) {
                return;   // out of range: the editor shows the old value again
            }
            learner.values().put(option.id(), String.valueOf(value));
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}
