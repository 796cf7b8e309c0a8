package io.digitcam.app;

import io.digitcam.track.TrackedDigit;
import io.digitcam.track.Tracking;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws the steadied reading over the video, in screen pixels so labels stay legible however
 * the frame is scaled: a box per digit with its label and confidence, and the numbers, read ones
 * highlighted.
 */
final class OverlayPainter {
    static final Color SURE = Color.rgb(60, 220, 90);
    static final Color UNSURE = Color.rgb(255, 170, 0);
    private static final Color PLATE = Color.rgb(0, 0, 0, 0.7);

    private OverlayPainter() {
    }

    /**
     * @param scale  screen pixels per frame pixel
     * @param dx     left edge of the frame on screen
     * @param dy     top edge of the frame on screen
     */
    static void paint(GraphicsContext g, Tracking tracking, double scale, double dx, double dy, double sure) {
        Font labelFont = Font.font("DejaVu Sans", FontWeight.BOLD, 15);
        g.setLineWidth(2.5);
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        java.util.List<javafx.geometry.Rectangle2D> placed = new java.util.ArrayList<>();
        for (TrackedDigit d : tracking.digits()) {
            Color color = d.confidence() >= sure ? SURE : UNSURE;
            double x = dx + d.box().x() * scale;
            double y = dy + d.box().y() * scale;
            double w = d.box().width() * scale;
            double h = d.box().height() * scale;
            g.setStroke(color);
            g.strokeRect(x, y, w, h);
            String text = String.format("%d  %.0f%%", d.label(), 100 * d.confidence());
            // Labels are wider than narrow digits: when one would cover its neighbour's, it goes below the box.
            double[] size = size(text, labelFont);
            double bottom = y - 1.25;
            javafx.geometry.Rectangle2D above = new javafx.geometry.Rectangle2D(x - 1.25, bottom - size[1], size[0], size[1]);
            if (placed.stream().anyMatch(above::intersects)) {
                bottom = y + h + 1.25 + size[1];
            }
            plate(g, text, labelFont, size, x - 1.25, bottom, color);
            placed.add(new javafx.geometry.Rectangle2D(x - 1.25, bottom - size[1], size[0], size[1]));
        }
        if (!tracking.numbers().isEmpty()) {
            Font big = Font.font("DejaVu Sans", FontWeight.BOLD, 26);
            double x = dx + 10;
            double y = dy + 44;
            for (String number : tracking.numbers()) {
                boolean read = tracking.read().contains(number);
                x += plate(g, number, big, size(number, big), x, y, read ? SURE : Color.WHITE) + 12;
            }
        }
    }

    /** Width and height of the plate around {@code text}. */
    private static double[] size(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return new double[] {probe.getLayoutBounds().getWidth() + 10, probe.getLayoutBounds().getHeight() + 2};
    }

    /**
     * Text on a dark plate of {@code size} (from {@link #size}) whose bottom-left corner is
     * (x, y); returns the plate's width.
     */
    private static double plate(GraphicsContext g, String text, Font font, double[] size, double x, double y,
                                Color color) {
        double w = size[0];
        double h = size[1];
        g.setFill(PLATE);
        g.fillRect(x, y - h, w, h);
        g.setFill(color);
        g.setFont(font);
        g.fillText(text, x + 5, y - 1);
        return w;
    }
}
