package org.marketingworkbench.core.clean.profile;

/** One category label and how many rows carry it. */
public record CategoryCount(String value, int count) {
}
