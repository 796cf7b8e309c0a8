package io.digitcam.samples;

import io.digitcam.source.FrameImage;
import io.digitcam.vision.Box;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The part of a frame a personal sample keeps: the digit's box with a margin, as the camera saw
 * it (BGR pixels, not the normalised 28×28 crop), so it can be normalised again by whatever
 * normaliser the training of the day uses.
 *
 * @param region where the crop was cut from, in frame pixels
 */
public record SampleCrop(Box region, int width, int height, byte[] bgr) {
    /** Share of the box's width (height) added on the left and right (top and bottom). */
    public static final double MARGIN = 0.25;

    /** The box grown by {@link #MARGIN} on each side, clamped to the frame. */
    public static Box region(Box box, int frameWidth, int frameHeight) {
        int dx = (int) Math.round(box.width() * MARGIN);
        int dy = (int) Math.round(box.height() * MARGIN);
        return box.grown(dx, dy, frameWidth, frameHeight);
    }

    public static SampleCrop cut(FrameImage frame, Box box) {
        Box r = region(box, frame.width(), frame.height());
        if (r.width() <= 0 || r.height() <= 0) {
            throw new IllegalArgumentException("box " + java.util.Arrays.toString(box.toArray()) + " is outside the "
                    + frame.width() + "×" + frame.height() + " frame");
        }
        byte[] out = new byte[r.width() * r.height() * 3];
        for (int row = 0; row < r.height(); row++) {
            System.arraycopy(frame.bgr(), ((r.y() + row) * frame.width() + r.x()) * 3, out, row * r.width() * 3,
                    r.width() * 3);
        }
        return new SampleCrop(r, r.width(), r.height(), out);
    }

    BufferedImage image() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(bgr, 0, target, 0, bgr.length);
        return img;
    }
}
