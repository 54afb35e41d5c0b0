package org.marketingworkbench.core.clean.profile;

import java.util.Objects;
import org.marketingworkbench.core.i18n.UserMessage;

/** A badge on a column: what is suspicious and a one-line reason with the figures behind it. */
public record QualityFlag(FlagKind kind, UserMessage reason) {
    public QualityFlag {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(reason);
    }
}
