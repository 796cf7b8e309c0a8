package io.digitcam.source;

/**
 * One video frame as it crosses threads: packed 8-bit BGR rows, {@code width * height * 3}
 * bytes. Whoever creates it hands over the array and never writes to it again, so readers on
 * other threads need no locking. Grabbers reuse their own native buffers, hence this copy.
 *
 * @param sequence    frame number within its source, from 0
 * @param grabbedNanos {@link System#nanoTime()} when the frame left the grabber
 */
public record FrameImage(int width, int height, byte[] bgr, long sequence, long grabbedNanos) {
    public FrameImage {
        if (width <= 0 || height <= 0 || bgr.length != width * height * 3) {
            throw new IllegalArgumentException("a " + width + "×" + height + " BGR frame needs "
                    + (long) width * height * 3 + " bytes, got " + bgr.length);
        }
    }
}
