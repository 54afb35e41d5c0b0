package org.marketingworkbench.core.segment.rfm;

/**
 * One named segment in figures.
 *
 * @param segment       the segment
 * @param customers     its customers
 * @param customerShare its share of all scored customers, 0..1
 * @param revenue       the sum of its customers' Monetary (net of returns)
 * @param revenueShare  its share of the net revenue of all scored customers, 0..1 (0 when that total is not
 *                      positive)
 */
public record SegmentSummary(RfmSegment segment, int customers, double customerShare, double revenue,
                             double revenueShare) {
}
