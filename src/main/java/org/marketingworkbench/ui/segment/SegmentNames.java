package org.marketingworkbench.ui.segment;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.marketingworkbench.core.segment.SegmentCard;

/**
 * The names of the shown segments: each card's proposed name, and the names the user typed (kept in the
 * project). Part of {@link SegmentViewModel}'s state; views listen to {@link #edited()} to redraw labels.
 */
public final class SegmentNames {

    private List<SegmentCard> cards = List.of();
    private final ObservableMap<Integer, String> edited = FXCollections.observableHashMap();
    /** One read-only view, kept: a view made per call holds its listeners only weakly and loses them to GC. */
    private final ObservableMap<Integer, String> editedView = FXCollections.unmodifiableObservableMap(edited);

    /** New segments: their cards, and the names typed for them before (for segments that still exist). */
    void reset(List<SegmentCard> newCards, Map<Integer, String> typed) {
        cards = List.copyOf(newCards);
        Map<Integer, String> kept = new HashMap<>();
        typed.forEach((n, name) -> {
            if (card(n).isPresent() && name != null && !name.isBlank()) {
                kept.put(n, name.strip());
            }
        });
        edited.clear();
        edited.putAll(kept);
    }

    /** Sets a typed name; blank goes back to the proposed one. Whether anything changed. */
    boolean rename(int number, String name) {
        if (card(number).isEmpty()) {
            return false;
        }
        String now = name == null || name.isBlank() ? null : name.strip();
        if (java.util.Objects.equals(now, edited.get(number))) {
            return false;
        }
        if (now == null) {
            edited.remove(number);
        } else {
            edited.put(number, now);
        }
        return true;
    }

    public List<SegmentCard> cards() {
        return cards;
    }

    public Optional<SegmentCard> card(int number) {
        return cards.stream().filter(c -> c.number() == number).findFirst();
    }

    /** The names the user typed, by segment number (read-only for views: use the view-model's rename). */
    public ObservableMap<Integer, String> edited() {
        return editedView;
    }

    /** The name shown for segment {@code number}: the typed one, else the proposed one in {@code locale}. */
    public String displayName(int number, Locale locale) {
        return card(number).map(c -> c.displayName(edited, locale)).orElse(Integer.toString(number));
    }

    /** Every segment's shown name, by number, in {@code locale} (for charts and the exported file). */
    public Map<Integer, String> displayNames(Locale locale) {
        Map<Integer, String> out = new java.util.TreeMap<>();
        cards.forEach(c -> out.put(c.number(), c.displayName(edited, locale)));
        return out;
    }
}
