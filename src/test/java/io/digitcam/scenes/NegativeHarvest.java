package io.digitcam.scenes;

import io.digitcam.model.DigitImages;
import io.digitcam.model.IdxImages;
import io.digitcam.model.IdxWriter;
import io.digitcam.model.MnistData;
import io.digitcam.vision.Box;
import io.digitcam.vision.Detection;
import io.digitcam.vision.DetectionSettings;
import io.digitcam.vision.DigitDetector;
import io.digitcam.vision.DigitNormalizer;
import io.digitcam.vision.NormalizerSettings;
import io.digitcam.vision.Polarity;
import io.digitcam.vision.Region;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Builds the "not a digit" training class: OUT-FILE MNIST-DIR SCENES [SEED].
 *
 * <p>What the classifier must learn to turn down is whatever our own detector hands it that is
 * not a digit, so the crops come from that path: generated scenes (drawn with MNIST
 * <em>training</em> digits, never test ones) go through a deliberately loose detector, and every
 * region that touches no true digit is normalised exactly as live crops are. Font letters that do
 * not look like digits are added, since words on a sheet are the commonest non-digit ink.
 */
public final class NegativeHarvest {
    // Letters that no reasonable reader would take for a digit (no O, I, l, S, Z, B, G, g, q, b).
    private static final String LETTERS = "ACEFHKMNPRTUVWXYacdefhkmnprtuvwxy#+=%&@?";
    private static final String[] FONTS = {"DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono"};

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        SceneGenerator gen = new SceneGenerator(MnistData.train(Path.of(args[1])), args.length > 3 ? Long.parseLong(args[3]) : 77_000);
        int scenes = Integer.parseInt(args[2]);
        DigitDetector loose = new DigitDetector(loose(DetectionSettings.DEFAULT));
        DigitNormalizer normalizer = new DigitNormalizer(NormalizerSettings.DEFAULT);
        ByteArrayOutputStream crops = new ByteArrayOutputStream();
        Scene.Kind[] kinds = {Scene.Kind.PAPER, Scene.Kind.BOARD, Scene.Kind.EMPTY, Scene.Kind.EMPTY};
        int fromScenes = 0;
        for (int i = 0; i < scenes; i++) {
            Scene s = gen.next(kinds[i % kinds.length], i % 2 == 0 ? 640 : 1280, i % 2 == 0 ? 480 : 720);
            try (Mat m = SceneGenerator.toMat(s.image()); Detection d = loose.detect(m)) {
                for (Region r : d.regions()) {
                    if (touchesDigit(r.box(), s)) {
                        continue;
                    }
                    byte[] crop = normalizer.normalize(d.gray(), r);
                    if (crop != null && !looksLikeOne(crop)) {
                        crops.write(crop);
                        fromScenes++;
                    }
                }
            }
        }
        int letters = letters(normalizer, new Random(args.length > 3 ? Long.parseLong(args[3]) : 77_000), fromScenes / 3, crops);
        byte[] pixels = crops.toByteArray();
        int count = pixels.length / DigitImages.PIXELS;
        IdxWriter.writeImages(out, new IdxImages(count, DigitImages.SIDE, DigitImages.SIDE, pixels));
        System.out.printf("%s: %d non-digit crops (%d from %d scenes, %d letters and signs)%n", out, count, fromScenes,
                scenes, letters);
    }

    /** The default detector with its clutter filters opened up, so more kinds of clutter get through. */
    static DetectionSettings loose(DetectionSettings d) {
        return new DetectionSettings(d.workingHeight(), d.strokeKernel(), d.backgroundKernel(),
                loose(d.darkInk()), loose(d.lightInk()), d.minInkContrast(), d.minHeight(), d.maxHeight(), d.minAspect() * 0.6,
                d.maxAspect(), d.maxDigitsPerRegion(), d.minDensity() * 0.6, Math.min(0.95, d.maxDensity() * 1.3),
                d.surroundMargin(), 1.0, 10.0, d.mergeOverlap(), d.mergeGap(), 200, d.barAspect(), d.maxBarDensity(),
                0, 10.0, new DetectionSettings.Board(255, 0, 255), d.loneStroke(), d.wideDigit(), d.maxEnclosing());
    }

    private static DetectionSettings.InkContrast loose(DetectionSettings.InkContrast c) {
        return new DetectionSettings.InkContrast(c.background() * 0.7, c.surface() * 0.5, c.maxLevels());
    }

    /**
     * A bare bar is a "1" to any reader; whether a book spine is one depends on its surroundings,
     * which the detector judges, not the classifier. Teaching the classifier that bars are not
     * digits would cost real ones.
     */
    static boolean looksLikeOne(byte[] crop) {
        int left = DigitImages.SIDE;
        int right = -1;
        for (int y = 0; y < DigitImages.SIDE; y++) {
            for (int x = 0; x < DigitImages.SIDE; x++) {
                if ((crop[y * DigitImages.SIDE + x] & 0xff) > 64) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return right - left + 1 <= 9;
    }

    static boolean touchesDigit(Box b, Scene s) {
        for (Scene.Digit digit : s.digits()) {
            java.awt.Rectangle t = digit.box();
            int mx = t.width / 5 + 2;
            int my = t.height / 5 + 2;
            if (b.x() < t.x + t.width + mx && t.x - mx < b.right() && b.y() < t.y + t.height + my && t.y - my < b.bottom()) {
                return true;
            }
        }
        return false;
    }

    /** Letters and signs drawn dark on light in varied fonts, sizes, weights and slants, then normalised. */
    private static int letters(DigitNormalizer normalizer, Random random, int count, ByteArrayOutputStream crops) {
        int made = 0;
        BufferedImage canvas = new BufferedImage(160, 160, BufferedImage.TYPE_3BYTE_BGR);
        for (int i = 0; i < count; i++) {
            Graphics2D g = canvas.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int paper = 200 + random.nextInt(56);
            g.setColor(new Color(paper, paper, paper));
            g.fillRect(0, 0, 160, 160);
            Font font = new Font(FONTS[random.nextInt(FONTS.length)], random.nextBoolean() ? Font.BOLD : Font.PLAIN, 100);
            AffineTransform shape = new AffineTransform();
            shape.rotate(Math.toRadians(random.nextGaussian() * 6));
            shape.shear(random.nextDouble() * -0.3, 0);
            font = font.deriveFont(shape);
            GlyphVector gv = font.createGlyphVector(g.getFontRenderContext(),
                    String.valueOf(LETTERS.charAt(random.nextInt(LETTERS.length()))));
            Rectangle2D b = gv.getVisualBounds();
            double s = (40 + random.nextInt(70)) / Math.max(b.getWidth(), b.getHeight());
            AffineTransform at = new AffineTransform();
            at.translate(80, 80);
            at.scale(s, s);
            at.translate(-b.getCenterX(), -b.getCenterY());
            Shape outline = at.createTransformedShape(gv.getOutline());
            int ink = random.nextInt(90);
            g.setColor(new Color(ink, ink, ink + random.nextInt(60)));
            g.fill(outline);
            g.dispose();
            java.awt.Rectangle r = outline.getBounds().intersection(new java.awt.Rectangle(0, 0, 160, 160));
            try (Mat bgr = SceneGenerator.toMat(canvas); Mat gray = new Mat()) {
                cvtColor(bgr, gray, COLOR_BGR2GRAY);
                byte[] crop = normalizer.normalize(gray, new Region(new Box(r.x, r.y, r.width, r.height),
                        Polarity.DARK_ON_LIGHT));
                if (crop != null) {
                    crops.write(crop, 0, crop.length);
                    made++;
                }
            }
        }
        return made;
    }
}
