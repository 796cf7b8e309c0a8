package io.digitcam.source;

import io.digitcam.util.ErrorText;
import java.util.concurrent.locks.ReentrantLock;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A camera or a video file read through a JavaCV {@link FrameGrabber}.
 *
 * <p>Grabbers are not thread-safe and reuse their native frame buffers, so every frame is copied
 * into a fresh byte array on the grabbing thread, and nothing native ever leaves it.
 *
 * <p>{@link #close()} from another thread must not free the grabber under a running grab (that is
 * a native crash, not an exception). So the grabber is only touched under {@link #lock}; close()
 * marks the source closed, wakes a pacing sleep, and releases the grabber itself only if no grab
 * is in progress. Otherwise the grab in progress releases it as soon as its frame arrives, which
 * for a camera is within a frame period, and returns null.
 */
public final class GrabberSource implements FrameSource {
    /** Mean brightness (0–255) below which a camera frame counts as black. */
    static final double DARK_MEAN = 12;

    private final String description;
    private final GrabberFactory factory;
    private final GrabberOptions options;
    private final ReentrantLock lock = new ReentrantLock();
    private final Pacer pacer = new Pacer(25);
    private volatile boolean closed;

    // Guarded by lock.
    private FrameGrabber grabber;
    private OpenCVFrameConverter.ToMat converter;
    private BgrMats bgr;
    private long sequence;
    private int darkLeft;

    public GrabberSource(String description, GrabberFactory factory, GrabberOptions options) {
        this.description = description;
        this.factory = factory;
        this.options = options;
    }

    @Override
    public void open() throws SourceException {
        lock.lock();
        try {
            if (closed) {
                throw new SourceException(description + ": closed");
            }
            if (grabber != null) {
                return;
            }
            start();
            converter = new OpenCVFrameConverter.ToMat();
            bgr = new BgrMats();
            darkLeft = options.darkFramesToDrop();
        } finally {
            lock.unlock();
        }
    }

    private void start() throws SourceException {
        FrameGrabber g = factory.create();
        try {
            g.start();
        } catch (Exception | LinkageError e) {
            quietlyRelease(g);
            throw new SourceException("cannot open " + description + ": " + ErrorText.oneLine(e), e);
        }
        grabber = g;
        if (options.paced()) {
            pacer.setFps(g.getFrameRate());
        }
    }

    /** Null at the end of a file that does not loop, or once closed. */
    @Override
    public FrameImage grab() throws SourceException {
        lock.lock();
        try {
            if (closed) {
                releaseGrabber();
                return null;
            }
            if (grabber == null) {
                throw new IllegalStateException(description + ": grab() before open()");
            }
            while (true) {
                byte[] pixels;
                int width;
                int height;
                Frame frame = next();
                if (closed) {
                    releaseGrabber();
                    return null;
                }
                if (frame == null) {
                    if (options.loop() && sequence > 0) {
                        // Reopening is more reliable than seeking to 0 across containers.
                        releaseGrabber();
                        start();
                        frame = next();
                    }
                    if (frame == null && sequence == 0) {
                        // FFmpeg "opens" some non-video files (a text file as raw data, an audio
                        // file) and then has nothing to show; that is an error, not an end.
                        throw new SourceException(description + ": contains no video frames");
                    }
                    if (frame == null) {
                        return null;
                    }
                }
                Mat mat = converter.convert(frame);
                width = mat.cols();
                height = mat.rows();
                pixels = bgr.toBgr(mat);
                if (darkLeft > 0) {
                    darkLeft--;
                    if (meanBrightness(pixels) < DARK_MEAN) {
                        continue;
                    }
                    darkLeft = 0;
                }
                if (options.paced() && !pacer.awaitNext()) {
                    releaseGrabber();
                    return null;
                }
                return new FrameImage(width, height, pixels, sequence++, System.nanoTime());
            }
        } finally {
            lock.unlock();
        }
    }

    /** The next picture, skipping audio; null at the end of a file. */
    private Frame next() throws SourceException {
        try {
            while (true) {
                Frame f = grabber instanceof FFmpegFrameGrabber ff ? ff.grabImage() : grabber.grab();
                if (f == null || f.image != null) {
                    if (f == null && options.live() && !closed) {
                        throw new SourceException(description + " stopped delivering frames: no frame");
                    }
                    return f;
                }
            }
        } catch (SourceException e) {
            throw e;
        } catch (Exception e) {
            if (closed) {
                return null;
            }
            String what = options.live() ? " stopped delivering frames: " : ": cannot read: ";
            throw new SourceException(description + what + ErrorText.oneLine(e), e);
        }
    }

    /** Samples every 7th byte: 400 k bytes per 720p frame is plenty to tell black from not. */
    static double meanBrightness(byte[] pixels) {
        long sum = 0;
        int n = 0;
        for (int i = 0; i < pixels.length; i += 7) {
            sum += pixels[i] & 0xff;
            n++;
        }
        return n == 0 ? 0 : (double) sum / n;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean live() {
        return options.live();
    }

    @Override
    public boolean paced() {
        // A camera delivers at its own rate.
        return options.live() || options.paced();
    }

    /** Idempotent, from any thread; see the class comment for why it may leave the release to grab(). */
    @Override
    public void close() {
        closed = true;
        pacer.stop();
        Locks.releaseIfFree(lock, 50, this::releaseGrabber);
    }

    /** Caller holds the lock. */
    private void releaseGrabber() {
        if (grabber != null) {
            quietlyRelease(grabber);
            grabber = null;
        }
        if (closed) {
            if (converter != null) {
                converter.close();
                converter = null;
            }
            if (bgr != null) {
                bgr.close();
                bgr = null;
            }
        }
    }

    private static void quietlyRelease(FrameGrabber g) {
        try {
            g.stop();
        } catch (Exception | LinkageError ignored) {
            // Already broken; release below frees what can be freed.
        }
        try {
            g.release();
        } catch (Exception | LinkageError ignored) {
            // Nothing more to do while shutting down.
        }
    }
}
