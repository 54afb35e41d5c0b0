package org.marketingworkbench.core.segment;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * The small vocabulary segment names are made of: what a feature is about, guessed from its column name, and
 * whether its word goes before the rest of a name (an adjective: "Young", "Lapsed") or stands as the customers
 * themselves (a noun: "high earners", "big spenders"). Each word has message keys
 * {@code segment.name.<id>.<high|low>} (leading a name: "High earners") and {@code ….inner} (inside one: "high
 * earners"); {@link #GENERIC} says "High {feature}".
 */
enum FeatureWord {
    RECENCY("recency", true),
    AGE("age", true),
    ENGAGEMENT("engagement", true),
    INCOME("income", false),
    SPEND("spend", false),
    VISITS("visits", false),
    ORDERS("orders", false),
    GENERIC("generic", false);

    private final String id;
    private final boolean adjective;

    FeatureWord(String id, boolean adjective) {
        this.id = id;
        this.adjective = adjective;
    }

    String id() {
        return id;
    }

    boolean isAdjective() {
        return adjective;
    }

    /**
     * The word for a column: by its name, case-insensitive, with underscores, hyphens and brackets read as
     * spaces ("Annual Income (k$)" → income, "days_since_last_purchase" → recency, "web_visits_30d" → visits).
     * Recency is checked first: "days since last purchase" is about time, not purchases.
     */
    static FeatureWord of(String columnName) {
        String n = " " + columnName.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
        List<String> tokens = List.of(n.strip().split(" "));
        if (n.contains("recency") || n.contains(" days since") || n.contains(" since last") || n.contains("最近")
                || n.contains("距今")) {
            return RECENCY;
        }
        if (any(tokens, Set.of("age", "ages")) || n.contains("年龄")) {
            return AGE;
        }
        if (any(tokens, Set.of("income", "salary", "earnings", "wage", "wages")) || n.contains("收入")) {
            return INCOME;
        }
        if (any(tokens, Set.of("spend", "spending", "spent", "monetary", "revenue", "sales", "amount"))
                || n.contains("消费") || n.contains("金额")) {
            return SPEND;
        }
        if (any(tokens, Set.of("visit", "visits", "frequency", "sessions", "logins")) || n.contains("访问")) {
            return VISITS;
        }
        if (any(tokens, Set.of("order", "orders", "purchases", "transactions")) || n.contains("订单")) {
            return ORDERS;
        }
        if (any(tokens, Set.of("opens", "clicks", "engagement", "email")) || n.contains("互动")) {
            return ENGAGEMENT;
        }
        return GENERIC;
    }

    private static boolean any(List<String> tokens, Set<String> words) {
        return tokens.stream().anyMatch(words::contains);
    }

    /** This word for a feature above ({@code high}) or below average, leading a name or inside one. */
    UserMessage part(boolean high, boolean leading, String feature) {
        String key = "segment.name." + id + (high ? ".high" : ".low") + (leading ? "" : ".inner");
        return this == GENERIC ? UserMessage.of(key, feature) : UserMessage.of(key);
    }
}
