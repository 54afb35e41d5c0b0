package org.marketingworkbench.core.clean.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * A profile as JSON for the command line ({@code profile FILE --json}) and reports. Flag reasons are
 * written in the given language; numbers that are not finite are written as null.
 *
 * <pre>
 * { "rows": 45211, "target": "y",
 *   "columns": [ { "name": "duration", "type": "number", "missing": 0, "missingShare": 0.0, "distinct": 1573,
 *                  "numeric": { "min": 0, "max": 4918, "mean": ..., "median": ..., "std": ..., "q1": ...,
 *                               "q3": ..., "skewness": ..., "outliers": 3235 },
 *                  "targetAuc": 0.8076,
 *                  "flags": [ { "kind": "target_leakage", "reason": "Its name says ..." } ] }, ... ] }
 * </pre>
 */
public final class ProfileJson {

    private ProfileJson() {
    }

    public static ObjectNode toJson(DatasetProfile profile, Locale locale) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("rows", profile.rowCount());
        if (profile.target().isPresent()) {
            root.put("target", profile.target().get());
        } else {
            root.putNull("target");
        }
        ArrayNode cols = root.putArray("columns");
        for (ColumnProfile c : profile.columns()) {
            ObjectNode o = cols.addObject();
            o.put("name", c.name());
            o.put("type", c.type().id());
            o.put("missing", c.missing());
            o.put("missingShare", c.missingShare());
            o.put("distinct", c.distinct());
            c.numeric().ifPresent(n -> {
                ObjectNode s = o.putObject("numeric");
                for (Map.Entry<String, Double> e : Map.of("min", n.min(), "max", n.max(), "mean", n.mean(),
                        "median", n.median(), "std", n.std(), "q1", n.q1(), "q3", n.q3(),
                        "skewness", n.skewness()).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                    number(s, e.getKey(), e.getValue());
                }
                s.put("outliers", n.outliers());
            });
            c.dates().ifPresent(d -> {
                ObjectNode s = o.putObject("dates");
                s.put("min", d.min() == null ? null : d.min().toString());
                s.put("max", d.max() == null ? null : d.max().toString());
            });
            if (!c.topCategories().isEmpty()) {
                ArrayNode top = o.putArray("topCategories");
                c.topCategories().forEach(t -> top.addObject().put("value", t.value()).put("count", t.count()));
            }
            if (c.targetAuc().isPresent()) {
                number(o, "targetAuc", c.targetAuc().getAsDouble());
            }
            ArrayNode flags = o.putArray("flags");
            c.flags().forEach(fl -> flags.addObject()
                    .put("kind", fl.kind().name().toLowerCase(Locale.ROOT))
                    .put("reason", fl.reason().format(locale)));
        }
        return root;
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }
}
