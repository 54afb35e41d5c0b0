package org.marketingworkbench.core.clean.step;

import org.marketingworkbench.core.data.Dataset;

/** A step's new table and what it changed. */
public record StepOutput(Dataset data, StepEffect effect) {
}
