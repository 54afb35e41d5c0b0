package org.marketingworkbench.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.marketingworkbench.core.train.TrainedModel;

/**
 * A model bundle read back and checked: the model ready to score, the threshold it was saved with, and its
 * provenance as written ({@code learner}, {@code wekaOptions}, {@code seed}, {@code sourceSha256}, versions, date).
 */
public record LoadedBundle(int version, TrainedModel model, double threshold, JsonNode provenance) {
}
