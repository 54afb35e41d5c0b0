package org.marketingworkbench.core.train;

import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * A column the user may train on, whether it is used by default and, if not, why.
 *
 * @param reason a plain-language reason for the exclusion (or for a warning); never null
 */
public record FeatureCandidate(String name, ColumnType type, boolean includedByDefault, Exclusion exclusion,
                               UserMessage reason) {
}
