package org.marketingworkbench.core.train;

import java.util.List;

/**
 * One plain-language setting of a learner.
 *
 * @param id           stable id, used in settings JSON and on the command line
 * @param labelKey     message key of the setting's label
 * @param helpKey      message key of a one-sentence explanation
 * @param type         the kind of value
 * @param defaultValue the default, as text
 * @param min          smallest allowed value (numbers only)
 * @param max          largest allowed value (numbers only)
 * @param choices      allowed values for {@link OptionType#CHOICE}, empty otherwise
 */
public record LearnerOption(String id, String labelKey, String helpKey, OptionType type, String defaultValue,
                            double min, double max, List<String> choices) {

    public LearnerOption {
        choices = List.copyOf(choices);
    }
}
