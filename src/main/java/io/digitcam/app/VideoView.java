package io.digitcam.app;

import io.digitcam.live.LiveResult;
import io.digitcam.track.Tracking;
import java.nio.ByteBuffer;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * The video with its overlay. Frames go into one reused native pixel buffer (a new image per
 * frame would churn memory at 30 fps); the overlay is drawn on a canvas on top, in screen pixels.
 */
final class VideoView extends StackPane {
    private final ImageView image = new ImageView();
    private final Canvas overlay = new Canvas();
    private final Label message = new Label();
    private PixelBuffer<ByteBuffer> buffer;
    private ByteBuffer pixels;
    private int frameWidth;
    private int frameHeight;
    private Tracking tracking = Tracking.EMPTY;
    private double sure = 0.9;
    private LiveResult result;
    private DigitClickHandler clicks = (r, d, x, y) -> { };

    /** Told when the user clicks a digit's box: the result shown then, the digit, and the screen point under its box. */
    interface DigitClickHandler {
        void clicked(LiveResult result, io.digitcam.track.TrackedDigit digit, double screenX, double screenY);
    }

    VideoView() {
        setStyle("-fx-background-color: #1e1e1e;");
        setMinSize(320, 240);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        image.fitWidthProperty().bind(widthProperty());
        image.fitHeightProperty().bind(heightProperty());
        Pane overlayPane = new Pane(overlay);
        overlayPane.setMouseTransparent(true);
        overlay.widthProperty().bind(widthProperty());
        overlay.heightProperty().bind(heightProperty());
        overlay.widthProperty().addListener(o -> redraw());
        overlay.heightProperty().addListener(o -> redraw());
        message.setId("video-message");
        message.setWrapText(true);
        message.setMaxWidth(560);
        message.setStyle("-fx-text-fill: white; -fx-font-size: 16px; -fx-background-color: rgba(0,0,0,0.72);"
                + " -fx-padding: 12 16; -fx-background-radius: 6;");
        message.setVisible(false);
        StackPane.setAlignment(message, Pos.BOTTOM_CENTER);
        getChildren().addAll(image, overlayPane, message);
        setOnMouseClicked(e -> {
            io.digitcam.track.TrackedDigit d = digitAt(e.getX(), e.getY());
            if (d != null && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                // The chooser opens under the box, so the digit being labelled stays in view.
                ViewMapping m = mapping();
                javafx.geometry.Point2D under = localToScreen(m.viewX(d.box().x()), m.viewY(d.box().bottom()) + 4);
                clicks.clicked(result, d, under.getX(), under.getY());
                e.consume();
            }
        });
        // A hand over a box says it can be clicked.
        setOnMouseMoved(e -> setCursor(digitAt(e.getX(), e.getY()) != null ? javafx.scene.Cursor.HAND
                : javafx.scene.Cursor.DEFAULT));
    }

    void onDigitClicked(DigitClickHandler handler) {
        clicks = handler;
    }

    ViewMapping mapping() {
        return frameWidth == 0 ? null : ViewMapping.fit(getWidth(), getHeight(), frameWidth, frameHeight);
    }

    /**
     * The digit whose box is under the view point (x, y), boxes grown by a few screen pixels so a
     * thin "1" can be hit; of nested or touching boxes the smallest. Null if none.
     */
    io.digitcam.track.TrackedDigit digitAt(double x, double y) {
        ViewMapping m = mapping();
        if (m == null || result == null) {
            return null;
        }
        double fx = m.frameX(x);
        double fy = m.frameY(y);
        double slack = 4 / m.scale();
        io.digitcam.track.TrackedDigit best = null;
        for (io.digitcam.track.TrackedDigit d : tracking.digits()) {
            var b = d.box();
            if (fx >= b.x() - slack && fx <= b.right() + slack && fy >= b.y() - slack && fy <= b.bottom() + slack
                    && (best == null || b.area() < best.box().area())) {
                best = d;
            }
        }
        return best;
    }

    /** Copies the frame into the display buffer and redraws the overlay. UI thread only. */
    void show(LiveResult result, double sureConfidence) {
        int w = result.frame().width();
        int h = result.frame().height();
        if (buffer == null || w != frameWidth || h != frameHeight) {
            pixels = ByteBuffer.allocateDirect(w * h * 4);
            buffer = new PixelBuffer<>(w, h, pixels, PixelFormat.getByteBgraPreInstance());
            image.setImage(new WritableImage(buffer));
            frameWidth = w;
            frameHeight = h;
        }
        buffer.updateBuffer(b -> {
            pixels.clear();
            pixels.put(result.bgra());
            pixels.flip();
            return null;
        });
        this.result = result;
        tracking = result.tracking();
        sure = sureConfidence;
        redraw();
    }

    /** A notice over the video (no camera, a file that would not open...); null hides it. */
    void message(String text) {
        message.setText(text == null ? "" : text);
        message.setVisible(text != null && !text.isBlank());
    }

    String messageText() {
        return message.isVisible() ? message.getText() : "";
    }

    private void redraw() {
        var g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        if (frameWidth == 0) {
            return;
        }
        ViewMapping m = mapping();
        OverlayPainter.paint(g, tracking, m.scale(), m.dx(), m.dy(), sure);
    }
}
