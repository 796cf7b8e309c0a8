package io.digitcam.source;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A still image shown as if it were video, so the live pipeline (and the UI's frame rate
 * display) works the same for a photo. 15 fps: enough to feel live, and the recognizer re-reads
 * an unchanged picture, so more would only burn CPU.
 */
public final class ImageSource implements FrameSource {
    static final double FPS = 15;

    private final Path file;
    private final Pacer pacer = new Pacer(FPS);
    private volatile boolean closed;
    private byte[] pixels;
    private int width;
    private int height;
    private long sequence;

    public ImageSource(Path file) {
        this.file = file;
    }

    @Override
    public void open() throws SourceException {
        if (pixels != null) {
            return;
        }
        try (Mat img = ImageFiles.read(file)) {
            width = img.cols();
            height = img.rows();
            pixels = BgrMats.packed(img);
        } catch (IOException e) {
            throw new SourceException(e.getMessage(), e);
        }
    }

    /** A fresh copy every time: the consumer owns its frame and may draw on it. */
    @Override
    public FrameImage grab() {
        if (pixels == null) {
            throw new IllegalStateException(description() + ": grab() before open()");
        }
        if (closed || !pacer.awaitNext()) {
            return null;
        }
        return new FrameImage(width, height, pixels.clone(), sequence++, System.nanoTime());
    }

    @Override
    public String description() {
        return "image " + file.getFileName();
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public void close() {
        closed = true;
        pacer.stop();
    }
}
