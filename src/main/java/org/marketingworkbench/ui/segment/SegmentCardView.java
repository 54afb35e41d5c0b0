package org.marketingworkbench.ui.segment;

import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marketingworkbench.core.segment.SegmentCard;
import org.marketingworkbench.ui.common.Localization;

/**
 * One segment's card: its colour and number, the name (typed over the proposed one; Enter or leaving the
 * field keeps it), its size, what sets it apart in words, its spend and how clearly its customers belong.
 * A card shows one segment of one run; the screen makes new cards for a new run and redraws their texts
 * when the language or a name changes.
 */
final class SegmentCardView extends VBox {

    private final SegmentCard card;
    private final SegmentNames names;
    private final Localization l10n;
    private final TextField name = new TextField();
    private final Label size = new Label();
    private final VBox traits = new VBox();
    private final Label spend = new Label();
    private final Label quality = new Label();

    SegmentCardView(SegmentCard card, SegmentNames names, Localization l10n, BiConsumer<Integer, String> rename) {
        this.card = card;
        this.names = names;
        this.l10n = l10n;
        getStyleClass().add("segment-card");
        Region swatch = new Region();
        swatch.getStyleClass().add("card-swatch");
        swatch.setStyle("-fx-background-color: " + SegmentPalette.hex(card.number()) + ";");
        Label number = new Label(Integer.toString(card.number()));
        number.getStyleClass().add("segment-number");
        number.setStyle("-fx-background-color: " + SegmentPalette.hex(card.number()) + "; -fx-text-fill: "
                + toHex(SegmentPalette.textOn(SegmentPalette.color(card.number()))) + ";");
        number.setMinWidth(Region.USE_PREF_SIZE);
        number.setMaxWidth(Region.USE_PREF_SIZE);
        name.getStyleClass().add("segment-name");
        name.setPrefColumnCount(10);
        name.setMaxWidth(Double.MAX_VALUE);
        name.setId("segment-name-" + card.number());
        HBox.setHgrow(name, javafx.scene.layout.Priority.ALWAYS);
        HBox head = new HBox(8, number, name);
        head.setAlignment(Pos.CENTER_LEFT);
        name.setOnAction(e -> {
            rename.accept(card.number(), name.getText());
            e.consume();   // Enter keeps the name; it does not also run the screen's default button
        });
        name.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                rename.accept(card.number(), name.getText());
            }
        });
        name.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                refresh();
            }
        });
        size.getStyleClass().add("segment-size");
        traits.getStyleClass().add("segment-traits");
        spend.getStyleClass().add("segment-spend");
        spend.setWrapText(true);
        quality.getStyleClass().add("segment-quality");
        quality.setWrapText(true);
        getChildren().addAll(swatch, head, size, traits, spend, quality);
        refresh();
    }

    int number() {
        return card.number();
    }

    /** Texts for the current language and names. */
    void refresh() {
        name.setText(names.displayName(card.number(), l10n.locale()));
        name.setPromptText(l10n.format(card.proposedName()));
        name.setTooltip(new Tooltip(l10n.get("segment.card.renameHint", l10n.format(card.proposedName()))));
        size.setText(l10n.format(card.sizeWords()));
        traits.getChildren().clear();
        if (card.traits().isEmpty()) {
            traits.getChildren().add(wrapped(l10n.get("segment.card.noTraits")));
        }
        card.traits().forEach(t -> traits.getChildren().add(wrapped("• " + l10n.format(t.words()))));
        spend.setText(card.spend().map(s -> l10n.format(s.words())).orElse(""));
        spend.setVisible(card.spend().isPresent());
        spend.setManaged(card.spend().isPresent());
        double s = card.silhouette();
        quality.setText(Double.isNaN(s) ? l10n.get("segment.card.qualityUnknown")
                : l10n.get("segment.card.quality." + SilhouetteChart.band(s), s));
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static String toHex(javafx.scene.paint.Color c) {
        return String.format("#%02X%02X%02X", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
