package org.marketingworkbench.core.segment.rfm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.marketingworkbench.core.project.StepRecord;

/**
 * How RFM is kept in a project: its versioned settings (enough to replay it exactly: with the reference
 * date stored, the same log gives the same scores) and a summary of the result (reference date, customers
 * and revenue per segment, the handled rows). The per-customer table is recomputed on reopening.
 */
public final class RfmStepRecord {

    private RfmStepRecord() {
    }

    /**
     * The record of a run. The reference date actually used is stored in the settings, so that reopening the
     * project a month later (or with a longer log) does not shift everyone's recency.
     */
    public static StepRecord of(RfmSettings settings, RfmResult result) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        RfmSettings stored = settings;
        if (result != null) {
            stored = settings.withAsOf(result.asOf());
            summary.put("asOf", result.asOf().toString());
            summary.put("asOfIsDefault", result.asOfIsDefault());
            summary.put("customers", result.customers().size());
            summary.put("revenue", result.totalRevenue());
            ObjectNode segments = summary.putObject("segments");
            for (SegmentSummary s : result.segments()) {
                segments.putObject(s.segment().id()).put("customers", s.customers()).put("revenue", s.revenue());
            }
            HandledRows h = result.rows();
            summary.putObject("rows").put("rows", h.rows()).put("purchaseLines", h.purchaseLines())
                    .put("returnLines", h.returnLines()).put("withoutCustomer", h.withoutCustomer())
                    .put("badDate", h.badDate()).put("badAmount", h.badAmount()).put("afterAsOf", h.afterAsOf())
                    .put("customersWithoutPurchase", h.customersWithoutPurchase());
        }
        return new StepRecord(result != null, stored.toJson(), summary);
    }

    /** The settings a project stored for RFM. */
    public static RfmSettings settings(StepRecord record) throws RfmException {
        return RfmSettings.fromJson(record.settings());
    }
}
