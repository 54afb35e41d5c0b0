package org.marketingworkbench.ui.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * Copies a chart to the clipboard (at twice the screen resolution, sharp on a slide) or saves it as a PNG at the
 * resolution the user picks in the save dialog: screen size, for slides (2×) or for print (4×).
 */
public final class ChartExport {

    private static final double SCALE = 2.0;

    private ChartExport() {
    }

    public static WritableImage snapshot(Node node) {
        return snapshot(node, SCALE);
    }

    public static WritableImage snapshot(Node node, double scale) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        return node.snapshot(params, null);
    }

    public static void copy(Node node) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(snapshot(node));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Writes the PNG through a temporary file, so a failed save never leaves half an image. */
    public static void savePng(Node node, Path target) throws IOException {
        savePng(node, target, SCALE);
    }

    /** Writes the PNG with {@code scale} pixels per screen pixel. */
    public static void savePng(Node node, Path target, double scale) throws IOException {
        WritableImage image = snapshot(node, scale);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        org.marketingworkbench.core.io.AtomicFile.write(target, stream -> {
            if (!ImageIO.write(out, "png", stream)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /**
     * Asks where to save {@code chart} as a PNG and saves it; a failure is shown as {@code errorKey} (with the
     * path and the reason) under the dialog title {@code titleKey}.
     */
    public static void saveWithDialog(DialogService dialogs, Node chart, String titleKey, String suggestedName,
                                      String errorKey) {
        org.marketingworkbench.core.i18n.UserMessage title = org.marketingworkbench.core.i18n.UserMessage.of(titleKey);
        dialogs.chooseImageFile(title, suggestedName).ifPresent(file -> {
            Path path = file.path();
            try {
                savePng(chart, path, file.scale());
            } catch (IOException e) {
                dialogs.showError(title, org.marketingworkbench.core.i18n.UserMessage.of(errorKey, path,
                        String.valueOf(e.getMessage())), e);
            }
        });
    }
}
