package org.marketingworkbench.core.train;

/** What a target asks a model to do: tell two classes apart, one of several, or predict a number. */
public enum Task {
    BINARY,
    MULTICLASS,
    NUMBER
}
