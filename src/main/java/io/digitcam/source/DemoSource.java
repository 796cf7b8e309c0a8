package io.digitcam.source;

import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_core.BORDER_TRANSPARENT;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import io.digitcam.model.DigitImages;
import io.digitcam.util.ErrorText;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * What the app shows when there is no camera: a sheet of paper with handwritten numbers lying
 * on a desk, drifting and turning slowly as if held under a webcam, the numbers changing every
 * few seconds. It exercises the whole live pipeline, so a first run without a webcam still
 * shows DigitCam doing its job.
 *
 * <p>The digits are real handwriting: /demo/digits.png holds {@value #SAMPLES_PER_DIGIT} samples
 * per digit (row d = digit d, 28×28 tiles, white on black) taken from the MNIST training set
 * (Y. LeCun, C. Cortes, C. Burges; never the test set) by the test-scope DemoSpriteTool.
 *
 * <p>Frame n depends only on the seed and n, so tests and bug reports can name a frame. The sheet
 * is drawn once per set of numbers; a frame is one warpAffine of it onto the pre-drawn desk plus
 * pre-made sensor noise, a few milliseconds at 720p.
 */
public final class DemoSource implements FrameSource {
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    public static final double FPS = 30;
    static final int SAMPLES_PER_DIGIT = 20;
    static final String SPRITE = "/demo/digits.png";
    /** Long enough to read the numbers off the screen, short enough to see them change. */
    static final int FRAMES_PER_SET = 120;

    private static final int SHEET_W = 760;
    private static final int SHEET_H = 500;
    private static final int NOISE_FRAMES = 3;
    /**
     * Noise is stored as 0..15, so desk and sheet are drawn this much darker to keep it centred:
     * ±7 levels, a decent webcam, for one add per frame.
     */
    private static final int NOISE_BIAS = 7;

    private final long seed;
    private final Pacer pacer = new Pacer(FPS);
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;

    // Guarded by lock; native, released on close.
    private byte[] sprite;
    private Mat desk;
    private Mat[] noise;
    private Mat sheet;
    private Mat frame;
    private long sheetSet = -1;
    private long sequence;

    private final boolean paced;

    public DemoSource(long seed) {
        this(seed, true);
    }

    /** Unpaced, frames come as fast as they render (for benchmarks). */
    public DemoSource(long seed, boolean paced) {
        this.seed = seed;
        this.paced = paced;
    }

    public DemoSource() {
        this(1);
    }

    @Override
    public void open() throws SourceException {
        lock.lock();
        try {
            if (closed) {
                throw new SourceException("demo: closed");
            }
            if (desk != null) {
                return;
            }
            sprite = loadSprite();
            desk = drawDesk(new Random(seed));
            Random r = new Random(seed ^ 0x5DEECE66DL);
            noise = new Mat[NOISE_FRAMES];
            byte[] bytes = new byte[WIDTH * HEIGHT * 3];
            for (int i = 0; i < NOISE_FRAMES; i++) {
                r.nextBytes(bytes);
                for (int j = 0; j < bytes.length; j++) {
                    bytes[j] &= 15;
                }
                noise[i] = matOf(bytes, HEIGHT, WIDTH);
            }
            frame = new Mat(HEIGHT, WIDTH, CV_8UC3);
        } finally {
            lock.unlock();
        }
    }

    private static byte[] loadSprite() throws SourceException {
        byte[] png;
        try (InputStream in = DemoSource.class.getResourceAsStream(SPRITE)) {
            if (in == null) {
                throw new SourceException("demo: " + SPRITE + " is missing from the application");
            }
            png = in.readAllBytes();
        } catch (IOException e) {
            throw new SourceException("demo: cannot read " + SPRITE + ": " + ErrorText.oneLine(e), e);
        }
        try (BytePointer p = new BytePointer(png); Mat buf = new Mat(1, png.length, CV_8UC1, p);
             Mat img = imdecode(buf, IMREAD_GRAYSCALE)) {
            int side = DigitImages.SIDE;
            if (img.empty() || img.rows() != 10 * side || img.cols() != SAMPLES_PER_DIGIT * side) {
                throw new SourceException("demo: " + SPRITE + " is not a " + SAMPLES_PER_DIGIT * side + "×"
                        + 10 * side + " digit sprite");
            }
            byte[] out = new byte[img.rows() * img.cols()];
            img.data().get(out);
            return out;
        }
    }

    /** The frame is paced at 30 fps; null once closed. */
    @Override
    public FrameImage grab() throws SourceException {
        if (closed || (paced && !pacer.awaitNext())) {
            return null;
        }
        lock.lock();
        try {
            if (closed) {
                release();
                return null;
            }
            return frame(sequence++);
        } finally {
            lock.unlock();
        }
    }

    /** Frame {@code n}, unpaced; the same for the same seed and n. */
    FrameImage frame(long n) {
        lock.lock();
        try {
            if (desk == null) {
                throw new IllegalStateException("demo: frame before open() or after close()");
            }
            Mat paper = sheetFor(n / FRAMES_PER_SET);
            desk.copyTo(frame);
            try (Mat m = motion(n)) {
                warpAffine(paper, frame, m, new Size(WIDTH, HEIGHT), INTER_LINEAR, BORDER_TRANSPARENT, new Scalar());
            }
            add(frame, noise[(int) (n % NOISE_FRAMES)], frame);
            return new FrameImage(WIDTH, HEIGHT, BgrMats.packed(frame), n, System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /** The numbers written on the sheet in frame {@code n}, top to bottom. */
    public List<String> numbers(long n) {
        return numbersOfSet(seed, n / FRAMES_PER_SET);
    }

    private static Random setRandom(long seed, long set) {
        return new Random(seed * 1_000_003L + set * 7_919L + 17);
    }

    static List<String> numbersOfSet(long seed, long set) {
        Random r = setRandom(seed, set);
        int count = 2 + r.nextInt(2);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int digits = 3 + r.nextInt(2);
            StringBuilder sb = new StringBuilder().append(1 + r.nextInt(9));
            for (int d = 1; d < digits; d++) {
                sb.append(r.nextInt(10));
            }
            numbers.add(sb.toString());
        }
        return numbers;
    }

    /** A slow sway and drift, like a sheet held by hand: periods of 7–13 s that never line up. */
    private static Mat motion(long n) {
        double t = n / FPS;
        double angle = Math.toRadians(-3 + 4 * Math.sin(2 * Math.PI * t / 11));
        double scale = 1 + 0.04 * Math.sin(2 * Math.PI * t / 7);
        double cx = WIDTH / 2.0 + 60 * Math.sin(2 * Math.PI * t / 13);
        double cy = HEIGHT / 2.0 + 10 + 35 * Math.sin(2 * Math.PI * t / 9 + 1);
        double c = scale * Math.cos(angle);
        double s = scale * Math.sin(angle);
        double sx = SHEET_W / 2.0;
        double sy = SHEET_H / 2.0;
        Mat m = new Mat(2, 3, CV_64FC1);
        try (DoubleIndexer idx = m.createIndexer()) {
            idx.put(0, 0, c, -s, cx - c * sx + s * sy);
            idx.put(1, 0, s, c, cy - s * sx - c * sy);
        }
        return m;
    }

    private Mat sheetFor(long set) {
        if (set != sheetSet) {
            if (sheet != null) {
                sheet.close();
            }
            sheet = drawSheet(set);
            sheetSet = set;
        }
        return sheet;
    }

    /** Slightly warm paper, lit from the top left, the set's numbers written on it in pen. */
    private Mat drawSheet(long set) {
        List<String> numbers = numbersOfSet(seed, set);
        // Its own stream, so the layout can change without changing which numbers a set shows.
        Random r = new Random(setRandom(seed, set).nextLong() ^ 0x9E3779B97F4A7C15L);
        byte[] px = new byte[SHEET_W * SHEET_H * 3];
        for (int y = 0; y < SHEET_H; y++) {
            for (int x = 0; x < SHEET_W; x++) {
                double light = 1 - 0.08 * (x + y) / (double) (SHEET_W + SHEET_H);
                int i = (y * SHEET_W + x) * 3;
                px[i] = (byte) (226 * light);
                px[i + 1] = (byte) (236 * light);
                px[i + 2] = (byte) (242 * light);
            }
        }
        // Ballpoint blue or near-black marker, one per sheet.
        int[] ink = r.nextBoolean() ? new int[] {110, 45, 25} : new int[] {35, 32, 30};
        int rowH = (SHEET_H - 60) / numbers.size();
        for (int row = 0; row < numbers.size(); row++) {
            String number = numbers.get(row);
            int digitH = 75 + r.nextInt(31);
            double scale = digitH / 20.0; // MNIST digits are about 20 of 28 pixels tall
            int tile = (int) Math.round(DigitImages.SIDE * scale);
            int x = 40 + r.nextInt(Math.max(1, SHEET_W - 80 - (int) (number.length() * 0.85 * tile)));
            int baseY = 30 + row * rowH + (rowH - tile) / 2;
            for (char ch : number.toCharArray()) {
                int digit = ch - '0';
                int sample = r.nextInt(SAMPLES_PER_DIGIT);
                int y = baseY + r.nextInt(9) - 4;
                int[] cols = inkColumns(digit, sample);
                int left = (int) Math.round(cols[0] * scale);
                int inkW = (int) Math.round((cols[1] - cols[0] + 1) * scale);
                stamp(px, digit, sample, tile, x - left, y, ink);
                x += inkW + (int) (digitH * (0.18 + 0.12 * r.nextDouble()));
            }
        }
        Mat m = matOf(px, SHEET_H, SHEET_W);
        // Webcam optics are soft; perfectly crisp strokes look pasted on.
        GaussianBlur(m, m, new Size(3, 3), 0);
        m.convertTo(m, -1, 1, -NOISE_BIAS);
        return m;
    }

    /** First and last ink columns of a sprite tile, to space digits by their strokes, not their boxes. */
    private int[] inkColumns(int digit, int sample) {
        int side = DigitImages.SIDE;
        int stride = SAMPLES_PER_DIGIT * side;
        int first = side;
        int last = -1;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                if ((sprite[(digit * side + r) * stride + sample * side + c] & 0xff) > 60) {
                    first = Math.min(first, c);
                    last = Math.max(last, c);
                }
            }
        }
        return last < 0 ? new int[] {0, side - 1} : new int[] {first, last};
    }

    /** Blends one sample, scaled to {@code size} px, as ink onto the sheet: MNIST's white is ink. */
    private void stamp(byte[] px, int digit, int sample, int size, int x0, int y0, int[] ink) {
        int side = DigitImages.SIDE;
        byte[] tile = new byte[side * side];
        int stride = SAMPLES_PER_DIGIT * side;
        for (int r = 0; r < side; r++) {
            System.arraycopy(sprite, (digit * side + r) * stride + sample * side, tile, r * side, side);
        }
        byte[] big = new byte[size * size];
        try (Mat small = matOfGray(tile, side, side); Mat scaled = new Mat()) {
            resize(small, scaled, new Size(size, size), 0, 0, INTER_CUBIC);
            scaled.data().get(big);
        }
        for (int r = 0; r < size; r++) {
            int y = y0 + r;
            if (y < 0 || y >= SHEET_H) {
                continue;
            }
            for (int c = 0; c < size; c++) {
                int x = x0 + c;
                int a = big[r * size + c] & 0xff;
                if (x < 0 || x >= SHEET_W || a == 0) {
                    continue;
                }
                int i = (y * SHEET_W + x) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    int paper = px[i + ch] & 0xff;
                    px[i + ch] = (byte) Math.min(paper, (paper * (255 - a) + ink[ch] * a) / 255);
                }
            }
        }
    }

    /** A wooden desk: warm brown, faint grain along x, darker towards the frame's corners. */
    private static Mat drawDesk(Random r) {
        double[] grain = new double[HEIGHT];
        double phase1 = r.nextDouble() * 10;
        double phase2 = r.nextDouble() * 10;
        for (int y = 0; y < HEIGHT; y++) {
            grain[y] = 0.06 * Math.sin(y / 9.0 + phase1) + 0.04 * Math.sin(y / 3.1 + phase2)
                    + 0.03 * (r.nextDouble() - 0.5);
        }
        byte[] px = new byte[WIDTH * HEIGHT * 3];
        double cx = WIDTH / 2.0;
        double cy = HEIGHT / 2.0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double dx = (x - cx) / cx;
                double dy = (y - cy) / cy;
                double shade = (1 - 0.25 * (dx * dx + dy * dy) / 2) * (1 + grain[y]
                        + 0.02 * Math.sin(x / 57.0 + y / 40.0));
                int i = (y * WIDTH + x) * 3;
                px[i] = (byte) clamp(62 * shade - NOISE_BIAS);
                px[i + 1] = (byte) clamp(98 * shade - NOISE_BIAS);
                px[i + 2] = (byte) clamp(140 * shade - NOISE_BIAS);
            }
        }
        return matOf(px, HEIGHT, WIDTH);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static Mat matOf(byte[] bgr, int rows, int cols) {
        Mat m = new Mat(rows, cols, CV_8UC3);
        m.data().put(bgr);
        return m;
    }

    private static Mat matOfGray(byte[] gray, int rows, int cols) {
        Mat m = new Mat(rows, cols, CV_8UC1);
        m.data().put(gray);
        return m;
    }

    @Override
    public String description() {
        return "demo";
    }

    /** Not a device: nothing to retry, though it never ends. */
    @Override
    public boolean paced() {
        return paced;
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public void close() {
        closed = true;
        pacer.stop();
        Locks.releaseIfFree(lock, 200, this::release);
    }

    /** Caller holds the lock. */
    private void release() {
        for (Mat m : new Mat[] {desk, sheet, frame}) {
            if (m != null) {
                m.close();
            }
        }
        if (noise != null) {
            for (Mat m : noise) {
                m.close();
            }
        }
        desk = null;
        sheet = null;
        frame = null;
        noise = null;
        sheetSet = -1;
    }
}
