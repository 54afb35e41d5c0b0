package org.marketingworkbench.core.train;

/**
 * One point of a live curve.
 *
 * @param step     epoch, boosting iteration or number of trees (from 1)
 * @param training loss or error on (a sample of) the training part, NaN when not measured
 * @param heldOut  loss or error on the held-out part
 */
public record CurvePoint(int step, double training, double heldOut) {
}
