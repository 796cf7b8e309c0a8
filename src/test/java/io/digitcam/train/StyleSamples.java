package io.digitcam.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes a personal-samples folder ({@code DIR/<digit>/*.png}) in a handwriting style the shipped
 * model reads badly: digits of the calligraphic font Z003 (URW's Zapf Chancery, Debian package
 * fonts-urw-base35), slanted, at random size, rotation and stroke weight, as camera-like colour crops
 * with margin: uneven lighting, tinted paper or a dark board (light ink), blur and sensor noise.
 *
 * <p>Run: {@code java -cp ... io.digitcam.train.StyleSamples DIR PER_DIGIT SEED}.
 */
public final class StyleSamples {
    static final List<Path> FONT_FILES = List.of(Path.of("/usr/share/fonts/X11/Type1/Z003-MediumItalic.pfb"),
            Path.of("/usr/share/fonts/type1/urw-base35/Z003-MediumItalic.t1"));

    private final Font font;
    private final Random random;
    private final boolean hollow;
    private final double lean;

    StyleSamples(Font font, long seed, boolean hollow) {
        this(font, seed, hollow, 0);
    }

    /** {@code lean}: degrees every digit is turned by (clockwise positive), a hand that writes uphill or downhill. */
    StyleSamples(Font font, long seed, boolean hollow, double lean) {
        this.font = font;
        this.hollow = hollow;
        this.lean = lean;
        this.random = new Random(seed);
    }

    /** The calligraphic font, or null where fonts-urw-base35 is not installed. */
    static Font calligraphic() {
        for (Path p : FONT_FILES) {
            if (Files.isRegularFile(p)) {
                try {
                    return Font.createFont(Font.TYPE1_FONT, p.toFile());
                } catch (Exception e) {
                    // try the next file
                }
            }
        }
        return null;
    }

    public static void main(String[] args) throws IOException {
        Font font = calligraphic();
        if (font == null) {
            System.err.println("Z003 not found: apt install fonts-urw-base35");
            System.exit(1);
        }
        Path dir = Path.of(args[0]);
        new StyleSamples(font, Long.parseLong(args[2]), args.length > 3 && args[3].equals("hollow"),
                args.length > 4 ? Double.parseDouble(args[4]) : 0).write(dir, Integer.parseInt(args[1]), "s" + args[2]);
    }

    /** {@code perDigit} PNGs of each digit under {@code dir/<digit>/}, named {@code <prefix>-<digit>-<i>.png}. */
    void write(Path dir, int perDigit, String prefix) throws IOException {
        for (int d = 0; d <= 9; d++) {
            Path sub = Files.createDirectories(dir.resolve(Integer.toString(d)));
            for (int i = 0; i < perDigit; i++) {
                ImageIO.write(render(d), "png", sub.resolve(prefix + "-" + d + "-" + i + ".png").toFile());
            }
        }
    }

    BufferedImage render(int digit) {
        boolean board = random.nextDouble() < 0.15;
        int h = 50 + random.nextInt(90);
        int w = (int) (h * (0.75 + 0.35 * random.nextDouble()));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color paper = board ? new Color(30 + random.nextInt(40), 50 + random.nextInt(40), 40 + random.nextInt(30))
                : new Color(200 + random.nextInt(55), 195 + random.nextInt(55), 180 + random.nextInt(70));
        Color shade = board ? paper.brighter() : paper.darker();
        g.setPaint(new GradientPaint(random.nextInt(w), 0, paper, random.nextInt(w), h, shade));
        g.fillRect(0, 0, w, h);
        Color ink = board ? new Color(220 + random.nextInt(35), 220 + random.nextInt(35), 210 + random.nextInt(45))
                : new Color(random.nextInt(60), random.nextInt(60), 40 + random.nextInt(90));

        FontRenderContext frc = new FontRenderContext(null, true, true);
        GlyphVector gv = font.deriveFont(100f).createGlyphVector(frc, Integer.toString(digit));
        Shape glyph = gv.getOutline();
        Rectangle2D b = glyph.getBounds2D();
        double target = h * (0.55 + 0.2 * random.nextDouble());
        double s = target / b.getHeight();
        AffineTransform t = new AffineTransform();
        t.translate(w / 2.0 + (random.nextDouble() - 0.5) * w * 0.1, h / 2.0 + (random.nextDouble() - 0.5) * h * 0.1);
        t.rotate(Math.toRadians(lean + (random.nextDouble() - 0.5) * 16));
        t.shear(-0.15 - 0.25 * random.nextDouble(), 0);
        t.scale(s, s);
        t.translate(-b.getCenterX(), -b.getCenterY());
        Shape placed = t.createTransformedShape(glyph);
        g.setColor(ink);
        if (hollow) {
            // "Bubble" digits: only the outline of a bold letter, as on posters and doodles.
            float weight = (float) (h * (0.015 + 0.02 * random.nextDouble()));
            g.setStroke(new BasicStroke(weight, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(placed);
        } else {
            g.fill(placed);
            // A heavier pen: trace the outline too.
            float weight = (float) (h * 0.04 * random.nextDouble());
            if (weight > 0.5f) {
                g.setStroke(new BasicStroke(weight, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(placed);
            }
        }
        g.dispose();
        noise(img, 4 + random.nextDouble() * 10);
        return img;
    }

    private void noise(BufferedImage img, double sigma) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        int[] out = new int[px.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int gg = 0;
                int bb = 0;
                int n = 0;
                // A 3×3 box blur: a webcam's soft focus.
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.min(w - 1, Math.max(0, x + dx));
                        int yy = Math.min(h - 1, Math.max(0, y + dy));
                        int c = px[yy * w + xx];
                        r += c >> 16 & 0xff;
                        gg += c >> 8 & 0xff;
                        bb += c & 0xff;
                        n++;
                    }
                }
                double e = random.nextGaussian() * sigma;
                out[y * w + x] = clamp(r / n + e) << 16 | clamp(gg / n + e) << 8 | clamp(bb / n + e);
            }
        }
        img.setRGB(0, 0, w, h, out, 0, w);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
