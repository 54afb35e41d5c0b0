package org.marketingworkbench.core.clean.profile;

import java.time.LocalDateTime;

/** Earliest and latest value of a date column (null when the column has no values). */
public record DateSummary(LocalDateTime min, LocalDateTime max) {
}
