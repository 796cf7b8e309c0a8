package io.digitcam.synth.classic;

import static org.bytedeco.opencv.global.opencv_core.*;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import io.digitcam.model.DigitImages;
import io.digitcam.data.DigitSet;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The first scene generator, the one the rule-based detector was once tuned on: MNIST digits
 * and DejaVu font digits written as pen, marker or chalk on a sheet or board, with
 * lighting gradients, shadows, ruled or squared paper, perspective and rotation, held in front
 * of a cluttered room (book spines, objects, a hand beside the digits, edges), then blurred, noised and
 * JPEG-compressed like a cheap webcam.
 *
 * <p>The same seed gives the same scene on any machine with the same fonts (fonts-dejavu-core).
 */
public final class SceneGenerator {
    private static final String[] FONTS = {"DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono"};
    private static final Color[] PEN_INKS = {new Color(20, 20, 25), new Color(25, 35, 120), new Color(15, 50, 160),
        new Color(150, 20, 25), new Color(20, 90, 40), new Color(60, 60, 60)};
    private static final Color[] PAPERS = {new Color(245, 245, 240), new Color(250, 248, 235), new Color(235, 238, 245),
        new Color(250, 240, 170), new Color(215, 235, 250), new Color(250, 215, 225), new Color(225, 245, 215)};
    private static final Color[] BOARDS = {new Color(30, 60, 45), new Color(25, 28, 30), new Color(45, 45, 50),
        new Color(20, 40, 70)};
    private static final Color[] CHALKS = {new Color(240, 240, 235), new Color(250, 245, 180),
        new Color(200, 230, 250), new Color(250, 250, 250)};

    private final DigitSet mnist;
    private final Random random;
    private final String[] fonts;

    private static final Scene.Kind[] MIX = {Scene.Kind.PAPER, Scene.Kind.PAPER, Scene.Kind.BOARD, Scene.Kind.EMPTY};

    /** Settings for one scene; {@link #next} draws them from the seed. */
    public SceneGenerator(DigitSet mnist, long seed) {
        this(mnist, seed, FONTS);
    }

    /** Font digits drawn from {@code fonts} instead of the three DejaVu faces (for training data only). */
    public SceneGenerator(DigitSet mnist, long seed, String... fonts) {
        this.mnist = mnist;
        this.random = new Random(seed);
        this.fonts = fonts.clone();
    }

    /**
     * Scene {@code index} of the benchmark's mix: paper, paper, board and empty in turn, at
     * 640×480 and 1280×720 alternately. Asked for 0, 1, 2... in order, it gives the scenes the
     * benchmark scores for this seed.
     */
    public Scene nextOfMix(int index) {
        boolean large = index % 2 == 1;
        return next(MIX[index % MIX.length], large ? 1280 : 640, large ? 720 : 480);
    }

    /** A scene of the given kind at the given size. */
    public Scene next(Scene.Kind kind, int width, int height) {
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        drawRoom(g, width, height);
        g.dispose();

        List<Scene.Digit> digits = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        boolean withSheet = kind != Scene.Kind.EMPTY || random.nextBoolean();
        boolean printed = withSheet && drawSheet(frame, kind, digits, numbers);
        if (random.nextDouble() < 0.35) {
            Graphics2D h = frame.createGraphics();
            h.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            drawHand(h, width, height, digits);
            h.dispose();
        }
        BufferedImage out = camera(frame);
        return new Scene(out, kind, List.copyOf(digits), List.copyOf(numbers), printed);
    }

    // ---------------------------------------------------------------- the room behind the sheet

    private void drawRoom(Graphics2D g, int w, int h) {
        Color wall = hsb(random.nextFloat(), 0.05f + 0.3f * random.nextFloat(), 0.35f + 0.5f * random.nextFloat());
        g.setPaint(new GradientPaint(0, 0, wall, w, h, wall.darker()));
        g.fillRect(0, 0, w, h);
        int shelves = random.nextInt(3);
        for (int s = 0; s < shelves; s++) {
            int y = random.nextInt(h);
            int shelfH = h / 40 + random.nextInt(h / 30 + 1);
            int x = 0;
            while (x < w) {
                int spineW = Math.max(3, w / 80 + random.nextInt(w / 30 + 1));
                int spineH = h / 6 + random.nextInt(h / 4 + 1);
                g.setColor(hsb(random.nextFloat(), 0.3f + 0.6f * random.nextFloat(), 0.2f + 0.7f * random.nextFloat()));
                g.fillRect(x, y - spineH, spineW, spineH);
                if (random.nextBoolean()) {
                    g.setColor(g.getColor().brighter());
                    g.fillRect(x + spineW / 4, y - spineH + spineH / 5, Math.max(1, spineW / 2), Math.max(2, spineH / 12));
                }
                x += spineW + random.nextInt(3);
            }
            g.setColor(new Color(90 + random.nextInt(60), 60 + random.nextInt(40), 30 + random.nextInt(30)));
            g.fillRect(0, y, w, shelfH);
        }
        int objects = 6 + random.nextInt(20);
        for (int i = 0; i < objects; i++) {
            g.setColor(hsb(random.nextFloat(), random.nextFloat(), 0.1f + 0.85f * random.nextFloat()));
            int ow = w / 40 + random.nextInt(w / 5 + 1);
            int oh = h / 40 + random.nextInt(h / 4 + 1);
            int ox = random.nextInt(w) - ow / 2;
            int oy = random.nextInt(h) - oh / 2;
            switch (random.nextInt(6)) {
                case 0 -> g.fill(new Ellipse2D.Double(ox, oy, ow, oh));
                case 1 -> g.fill(new RoundRectangle2D.Double(ox, oy, ow, oh, ow / 3.0, oh / 3.0));
                case 2 -> {
                    g.setStroke(new BasicStroke(1 + random.nextInt(Math.max(1, w / 200 + 2))));
                    g.drawLine(ox, oy, ox + random.nextInt(w / 2 + 1) - w / 4, oy + random.nextInt(h / 2 + 1) - h / 4);
                }
                case 3 -> {
                    Path2D p = new Path2D.Double();
                    p.moveTo(ox, oy);
                    for (int k = 0; k < 3 + random.nextInt(4); k++) {
                        p.lineTo(ox + random.nextInt(ow + 1), oy + random.nextInt(oh + 1));
                    }
                    p.closePath();
                    g.fill(p);
                }
                case 4 -> texture(g, ox, oy, ow, oh);
                default -> g.fillRect(ox, oy, ow, oh);
            }
        }
    }

    private void texture(Graphics2D g, int x, int y, int w, int h) {
        Color base = g.getColor();
        int n = 20 + random.nextInt(60);
        for (int i = 0; i < n; i++) {
            g.setColor(random.nextBoolean() ? base.brighter() : base.darker());
            int s = 2 + random.nextInt(6);
            g.fillRect(x + random.nextInt(Math.max(1, w)), y + random.nextInt(Math.max(1, h)), s, s);
        }
    }

    /**
     * A hand at the frame's side, holding the sheet. One that would cover a digit is left out:
     * nobody reads a digit under a thumb, and the truth would count it. Its shape is drawn from the
     * seed either way, so the scenes after it stay the same.
     */
    private void drawHand(Graphics2D g, int w, int h, List<Scene.Digit> digits) {
        Color skin = new Color(180 + random.nextInt(60), 120 + random.nextInt(50), 90 + random.nextInt(40));
        boolean left = random.nextBoolean();
        int palmW = w / 6 + random.nextInt(w / 10 + 1);
        int palmH = h / 4 + random.nextInt(h / 6 + 1);
        int px = left ? -palmW / 3 : w - palmW * 2 / 3;
        int py = h / 3 + random.nextInt(h / 3 + 1);
        Area hand = new Area(new RoundRectangle2D.Double(px, py, palmW, palmH, palmW / 2.0, palmW / 2.0));
        int thumbLen = palmW * 2 / 3;
        int thumbW = palmW / 4;
        AffineTransform turn = AffineTransform.getRotateInstance(
                Math.toRadians((left ? -1 : 1) * (20 + random.nextInt(50))), px + palmW / 2.0, py);
        hand.add(new Area(turn.createTransformedShape(new RoundRectangle2D.Double(px + palmW / 2.0 - thumbW / 2.0,
                py - thumbLen, thumbW, thumbLen + thumbW, thumbW, thumbW))));
        if (digits.stream().anyMatch(d -> hand.intersects(d.box()))) {
            return;
        }
        g.setColor(skin);
        g.fill(hand);
        g.setColor(skin.darker());
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(px + palmW / 4, py + palmH / 3, px + palmW / 2, py + palmH / 3);
    }

    // ---------------------------------------------------------------- the sheet and its digits

    /** Draws the sheet and its digits; true when they are font digits rather than handwriting. */
    private boolean drawSheet(BufferedImage frame, Scene.Kind kind, List<Scene.Digit> truth, List<String> numbers) {
        int fw = frame.getWidth();
        int fh = frame.getHeight();
        boolean board = kind == Scene.Kind.BOARD;
        int cw = 1000;
        int ch = 700;
        // Where the sheet lands in the frame decides how big a digit must be drawn on it.
        double coverage = 0.45 + 0.45 * random.nextDouble();
        double scale = coverage * Math.min(fw / (double) cw, fh / (double) ch * 1.3);
        int minDigit = (int) Math.ceil(20 / scale);
        int maxDigit = Math.max(minDigit + 10, Math.min(220, (int) (0.55 * fh / scale)));

        // A line that runs off the sheet is written again smaller: the truth holds only digits
        // a camera can see (a layout that did not fit once left 5% of the truth digits cut off).
        BufferedImage sheet;
        Graphics2D g;
        List<Rectangle> canvasBoxes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        boolean printed = false;
        for (int attempt = 0; ; attempt++) {
            sheet = new BufferedImage(cw, ch, BufferedImage.TYPE_3BYTE_BGR);
            g = sheet.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Color surface = board ? pick(BOARDS) : pick(PAPERS);
            g.setColor(surface);
            g.fillRect(0, 0, cw, ch);
            if (board) {
                chalkDust(g, cw, ch);
            } else {
                rules(g, cw, ch);
            }
            canvasBoxes.clear();
            labels.clear();
            numbers.clear();
            if (kind != Scene.Kind.EMPTY) {
                printed = writeNumbers(g, cw, ch, board, minDigit, maxDigit, canvasBoxes, labels, numbers);
            }
            boolean inside = canvasBoxes.stream().allMatch(r -> r.x >= 0 && r.y >= 0 && r.x + r.width <= cw
                    && r.y + r.height <= ch);
            if (inside || attempt >= 20) {
                break;
            }
            g.dispose();
            maxDigit = Math.max(minDigit + 2, (int) (maxDigit * 0.85));
        }
        lighting(g, cw, ch);
        g.dispose();

        // Place the sheet; a placement that cuts a digit off at the frame edge is tried again
        // smaller, so every digit in the truth is fully visible.
        for (int attempt = 0; ; attempt++) {
            double shrink = Math.pow(0.9, attempt);
            List<Scene.Digit> placed = new ArrayList<>();
            if (place(frame, sheet, scale * shrink, canvasBoxes, labels, placed) || attempt >= 12) {
                truth.addAll(placed);
                return printed;
            }
        }
    }

    private boolean place(BufferedImage frame, BufferedImage sheet, double scale, List<Rectangle> canvasBoxes,
                          List<Integer> labels, List<Scene.Digit> truth) {
        int fw = frame.getWidth();
        int fh = frame.getHeight();
        int cw = sheet.getWidth();
        int ch = sheet.getHeight();
        double angle = Math.toRadians(-15 + 30 * random.nextDouble());
        double sw = cw * scale;
        double sh = ch * scale;
        double cx = fw / 2.0 + (random.nextDouble() - 0.5) * Math.max(0, fw - sw * 0.9) * 0.6;
        double cy = fh / 2.0 + (random.nextDouble() - 0.5) * Math.max(0, fh - sh * 0.9) * 0.6;
        double[][] corners = {{-sw / 2, -sh / 2}, {sw / 2, -sh / 2}, {sw / 2, sh / 2}, {-sw / 2, sh / 2}};
        float[] dst = new float[8];
        double jitter = 0.06 * Math.min(sw, sh);
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0] + (random.nextDouble() - 0.5) * 2 * jitter;
            double y = corners[i][1] + (random.nextDouble() - 0.5) * 2 * jitter;
            dst[2 * i] = (float) (cx + x * Math.cos(angle) - y * Math.sin(angle));
            dst[2 * i + 1] = (float) (cy + x * Math.sin(angle) + y * Math.cos(angle));
        }
        float[] src = {0, 0, cw, 0, cw, ch, 0, ch};
        try (Mat srcPts = points(src); Mat dstPts = points(dst);
             Mat homography = getPerspectiveTransform(srcPts, dstPts)) {
            int margin = Math.max(4, fh / 60);
            for (int i = 0; i < canvasBoxes.size(); i++) {
                Rectangle r = transform(homography, canvasBoxes.get(i));
                if (r.x < margin || r.y < margin || r.x + r.width > fw - margin || r.y + r.height > fh - margin) {
                    return false;
                }
                truth.add(new Scene.Digit(labels.get(i), r));
            }
            try (Mat sheetMat = toMat(sheet); Mat frameMat = toMat(frame); Mat warped = new Mat(); Mat mask = new Mat();
                 Mat ones = new Mat(ch, cw, CV_8UC1, Scalar.all(255))) {
                warpPerspective(sheetMat, warped, homography, frameMat.size(), INTER_AREA, BORDER_CONSTANT, Scalar.all(0));
                warpPerspective(ones, mask, homography, frameMat.size(), INTER_LINEAR, BORDER_CONSTANT, Scalar.all(0));
                warped.copyTo(frameMat, mask);
                fromMat(frameMat, frame);
            }
            return true;
        }
    }

    private void rules(Graphics2D g, int w, int h) {
        double p = random.nextDouble();
        if (p < 0.3) {
            g.setColor(new Color(150, 180, 230));
            g.setStroke(new BasicStroke(2f));
            int step = 40 + random.nextInt(25);
            for (int y = step; y < h; y += step) {
                g.drawLine(0, y, w, y);
            }
            if (random.nextBoolean()) {
                g.setColor(new Color(230, 140, 140));
                g.drawLine(80, 0, 80, h);
            }
        } else if (p < 0.55) {
            g.setColor(new Color(170, 190, 215));
            g.setStroke(new BasicStroke(1.5f));
            int step = 25 + random.nextInt(15);
            for (int y = step; y < h; y += step) {
                g.drawLine(0, y, w, y);
            }
            for (int x = step; x < w; x += step) {
                g.drawLine(x, 0, x, h);
            }
        }
    }

    private void chalkDust(Graphics2D g, int w, int h) {
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(255, 255, 255, 10 + random.nextInt(15)));
            int ew = 100 + random.nextInt(400);
            int eh = 40 + random.nextInt(150);
            g.fill(new Ellipse2D.Double(random.nextInt(w) - ew / 2.0, random.nextInt(h) - eh / 2.0, ew, eh));
        }
    }

    /**
     * One or two lines, each with one or two numbers of 1–6 digits, six digits at most in all;
     * true when they are font digits.
     */
    private boolean writeNumbers(Graphics2D g, int cw, int ch, boolean board, int minDigit, int maxDigit,
                              List<Rectangle> boxes, List<Integer> labels, List<String> numbers) {
        int total = 1 + random.nextInt(6);
        int lines = total >= 2 && random.nextDouble() < 0.3 ? 2 : 1;
        int height = minDigit + random.nextInt(Math.max(1, Math.min(maxDigit, ch / (lines + 1)) - minDigit + 1));
        height = Math.min(height, (ch - 60) / lines - 30);
        height = Math.max(height, minDigit);
        Color ink = board ? pick(CHALKS) : pick(PEN_INKS);
        boolean mnistStyle = random.nextDouble() < 0.6;
        double strokeScale = 0.7 + 0.8 * random.nextDouble();
        int remaining = total;
        int lineGap = height / 2 + random.nextInt(height / 2 + 1);
        int y = 30 + random.nextInt(Math.max(1, ch - 60 - lines * height - (lines - 1) * lineGap));
        for (int line = 0; line < lines; line++) {
            int inLine = line == lines - 1 ? remaining : 1 + random.nextInt(remaining - 1);
            remaining -= inLine;
            int groups = inLine >= 2 && random.nextDouble() < 0.3 ? 2 : 1;
            int firstGroup = groups == 2 ? 1 + random.nextInt(inLine - 1) : inLine;
            double spacing = 0.12 + 0.35 * random.nextDouble();
            int estimated = (int) (inLine * height * (0.75 + spacing) + (groups - 1) * height * 1.6);
            int x = 40 + random.nextInt(Math.max(1, cw - 80 - estimated));
            StringBuilder number = new StringBuilder();
            for (int i = 0; i < inLine; i++) {
                if (i == firstGroup) {
                    numbers.add(number.toString());
                    number.setLength(0);
                    x += (int) (height * (1.2 + 0.6 * random.nextDouble()));
                }
                int label = random.nextInt(10);
                int h = (int) (height * (0.9 + 0.2 * random.nextDouble()));
                int dy = (int) ((random.nextDouble() - 0.5) * 0.15 * height);
                Rectangle box = mnistStyle ? drawMnistDigit(g, label, x, y + dy, h, ink, board, strokeScale)
                        : drawFontDigit(g, label, x, y + dy, h, ink);
                boxes.add(box);
                labels.add(label);
                number.append(label);
                x = box.x + box.width + (int) (height * spacing);
            }
            numbers.add(number.toString());
            y += height + lineGap;
        }
        return !mnistStyle;
    }

    /** An MNIST test digit, its grey levels used as ink coverage; returns the inked box. */
    private Rectangle drawMnistDigit(Graphics2D g, int label, int x, int y, int h, Color ink, boolean board,
                                     double strokeScale) {
        int index;
        do {
            index = random.nextInt(mnist.size());
        } while (mnist.labels()[index] != label);
        int x0 = 28;
        int y0 = 28;
        int x1 = -1;
        int y1 = -1;
        int base = index * DigitImages.PIXELS;
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                if ((mnist.pixels()[base + r * 28 + c] & 0xff) > 40) {
                    x0 = Math.min(x0, c);
                    y0 = Math.min(y0, r);
                    x1 = Math.max(x1, c);
                    y1 = Math.max(y1, r);
                }
            }
        }
        int tw = x1 - x0 + 1;
        int th = y1 - y0 + 1;
        int w = Math.max(2, (int) Math.round(h * tw / (double) th));
        try (Mat digit = new Mat(28, 28, CV_8UC1)) {
            byte[] px = new byte[DigitImages.PIXELS];
            System.arraycopy(mnist.pixels(), base, px, 0, px.length);
            digit.data().put(px);
            try (Mat crop = new Mat(digit, new org.bytedeco.opencv.opencv_core.Rect(x0, y0, tw, th));
                 Mat big = new Mat()) {
                resize(crop, big, new Size(w, h), 0, 0, INTER_CUBIC);
                int k = (int) Math.round(h / 40.0 * strokeScale);
                if (strokeScale > 1.15 && k >= 1) {
                    try (Mat kernel = getStructuringElement(MORPH_ELLIPSE, new Size(k + 1, k + 1))) {
                        dilate(big, big, kernel);
                    }
                } else if (strokeScale < 0.85 && h > 60) {
                    try (Mat kernel = getStructuringElement(MORPH_ELLIPSE, new Size(3, 3))) {
                        erode(big, big, kernel);
                    }
                }
                byte[] alpha = new byte[w * h];
                big.data().get(alpha);
                BufferedImage stamp = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
                float grain = board ? 0.35f : 0.05f;
                for (int r = 0; r < h; r++) {
                    for (int c = 0; c < w; c++) {
                        double a = Math.min(1.0, (alpha[r * w + c] & 0xff) / 200.0);
                        a *= 1 - grain * random.nextFloat();
                        stamp.setRGB(c, r, ((int) (a * 255) << 24) | (ink.getRGB() & 0xffffff));
                    }
                }
                g.drawImage(stamp, x, y, null);
            }
        }
        return new Rectangle(x, y, w, h);
    }

    /** A digit in one of the DejaVu fonts, maybe bold or slanted; returns the inked box. */
    private Rectangle drawFontDigit(Graphics2D g, int label, int x, int y, int h, Color ink) {
        Font font = new Font(pick(fonts), random.nextBoolean() ? Font.BOLD : Font.PLAIN, 100);
        if (random.nextDouble() < 0.3) {
            font = font.deriveFont(AffineTransform.getShearInstance(-0.2, 0));
        }
        GlyphVector gv = font.createGlyphVector(g.getFontRenderContext(), String.valueOf(label));
        java.awt.geom.Rectangle2D b = gv.getVisualBounds();
        double s = h / b.getHeight();
        AffineTransform at = new AffineTransform();
        at.translate(x, y);
        at.scale(s, s);
        at.translate(-b.getX(), -b.getY());
        java.awt.Shape shape = at.createTransformedShape(gv.getOutline());
        g.setColor(ink);
        g.fill(shape);
        return shape.getBounds();
    }

    private void lighting(Graphics2D g, int w, int h) {
        float dark = 0.15f + 0.45f * random.nextFloat();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 1f));
        g.setPaint(new GradientPaint(random.nextInt(w), random.nextInt(h), new Color(0, 0, 0, 0),
                random.nextInt(w), random.nextInt(h), new Color(0, 0, 0, (int) (255 * dark))));
        g.fillRect(0, 0, w, h);
        if (random.nextDouble() < 0.4) {
            Path2D shadow = new Path2D.Double();
            int sx = random.nextInt(w);
            shadow.moveTo(sx, 0);
            shadow.lineTo(sx + 150 + random.nextInt(300), 0);
            shadow.lineTo(sx + random.nextInt(400) - 200, h);
            shadow.lineTo(sx - 200 - random.nextInt(200), h);
            shadow.closePath();
            g.setColor(new Color(0, 0, 0, 40 + random.nextInt(60)));
            g.fill(shadow);
        }
    }

    // ---------------------------------------------------------------- the camera

    private BufferedImage camera(BufferedImage frame) {
        try (Mat m = toMat(frame)) {
            double sigma = random.nextDouble() * 1.4;
            if (sigma > 0.3) {
                GaussianBlur(m, m, new Size(0, 0), sigma);
            }
            try (Mat noise = new Mat(m.size(), CV_16SC3); Mat wide = new Mat()) {
                // OpenCV's own generator is per thread and unseeded: seeded here, the noise is part of the scene.
                setRNGSeed(random.nextInt());
                randn(noise, new Mat(1, 1, CV_64F, Scalar.all(0)), new Mat(1, 1, CV_64F,
                        Scalar.all(2 + 6 * random.nextDouble())));
                m.convertTo(wide, CV_16SC3);
                add(wide, noise, wide);
                wide.convertTo(m, CV_8UC3);
            }
            int quality = 45 + random.nextInt(46);
            try (BytePointer jpeg = new BytePointer(); IntPointer params = new IntPointer(
                    org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY, quality)) {
                imencode(".jpg", m, jpeg, params);
                try (Mat buf = new Mat(1, (int) jpeg.limit(), CV_8UC1, jpeg); Mat decoded = imdecode(buf, IMREAD_COLOR)) {
                    BufferedImage out = new BufferedImage(frame.getWidth(), frame.getHeight(),
                            BufferedImage.TYPE_3BYTE_BGR);
                    fromMat(decoded, out);
                    return out;
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Mat points(float[] xy) {
        Mat m = new Mat(4, 1, CV_32FC2);
        new FloatPointer(m.data()).put(xy);
        return m;
    }

    private static Rectangle transform(Mat homography, Rectangle r) {
        double[] h = new double[9];
        org.bytedeco.javacpp.indexer.DoubleIndexer idx = homography.createIndexer();
        for (int i = 0; i < 9; i++) {
            h[i] = idx.get(i / 3, i % 3);
        }
        idx.close();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        double[][] corners = {{r.x, r.y}, {r.x + r.width, r.y}, {r.x + r.width, r.y + r.height}, {r.x, r.y + r.height}};
        for (double[] c : corners) {
            double w = h[6] * c[0] + h[7] * c[1] + h[8];
            double x = (h[0] * c[0] + h[1] * c[1] + h[2]) / w;
            double y = (h[3] * c[0] + h[4] * c[1] + h[5]) / w;
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        return new Rectangle((int) Math.floor(minX), (int) Math.floor(minY),
                (int) Math.ceil(maxX - Math.floor(minX)), (int) Math.ceil(maxY - Math.floor(minY)));
    }

    public static Mat toMat(BufferedImage img) {
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Mat m = new Mat(img.getHeight(), img.getWidth(), CV_8UC3);
        m.data().put(data);
        return m;
    }

    static void fromMat(Mat m, BufferedImage img) {
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        m.data().get(data);
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    private Color hsb(float h, float s, float b) {
        return Color.getHSBColor(h, s, b);
    }
}
