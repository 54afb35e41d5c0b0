package org.marketingworkbench.core.train;

/** The kind of value a learner setting takes, which decides the control a form shows for it. */
public enum OptionType {
    INTEGER,
    DECIMAL,
    BOOLEAN,
    CHOICE
}
