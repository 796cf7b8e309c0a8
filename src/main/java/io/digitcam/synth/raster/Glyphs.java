package io.digitcam.synth.raster;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.opencv.global.opencv_imgproc;

/**
 * Font characters as distance fields. Java2D only turns each glyph into a bitmap, once per font
 * and character; every later size, weight and distortion is a pixel operation on the field.
 */
final class Glyphs {
    private static final String[] FILES = {
        "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
        "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
        "/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
        "/usr/share/fonts/truetype/freefont/FreeSerifBoldItalic.ttf",
        "/usr/share/fonts/truetype/freefont/FreeMono.ttf",
        "/usr/share/fonts/truetype/freefont/FreeMonoBoldOblique.ttf",
        "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf",
        "/usr/share/fonts/opentype/urw-base35/NimbusSans-Bold.otf",
        "/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf",
        "/usr/share/fonts/opentype/urw-base35/NimbusRoman-Bold.otf",
        "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf",
        "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Bold.otf",
        "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Regular.otf",
        "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-BoldOblique.otf",
        "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationMono-Bold.ttf",
        "/usr/share/fonts/opentype/urw-base35/P052-Roman.otf",
        "/usr/share/fonts/opentype/urw-base35/P052-Italic.otf",
        "/usr/share/fonts/opentype/urw-base35/P052-Bold.otf",
    };
    private static final int BASE = 96;
    private static final List<Font> FONTS = load();
    private static final Map<String, Shape> CACHE = new ConcurrentHashMap<>();

    private Glyphs() {
    }

    private static List<Font> load() {
        List<Font> fonts = new ArrayList<>();
        for (String f : FILES) {
            File file = new File(f);
            if (!file.isFile()) {
                continue;
            }
            try {
                fonts.add(Font.createFont(Font.TRUETYPE_FONT, file));
            } catch (Exception e) {
                // A missing or unreadable font only narrows the variety.
            }
        }
        if (fonts.isEmpty()) {
            fonts.add(new Font(Font.SANS_SERIF, Font.PLAIN, 1));
            fonts.add(new Font(Font.SERIF, Font.PLAIN, 1));
            fonts.add(new Font(Font.MONOSPACED, Font.PLAIN, 1));
        }
        return fonts;
    }

    static int fonts() {
        return FONTS.size();
    }

    /** Character {@code ch} of font {@code font}, ink about {@code inkHeight} px, grown by {@code bolden} px. */
    static Shape shape(int font, char ch, double inkHeight, double bolden) {
        Shape base = CACHE.computeIfAbsent(font + ":" + ch, k -> rasterise(FONTS.get(font % FONTS.size()), ch));
        if (base.blank()) {
            return base;
        }
        // Lower-case letters are sized by the font, not stretched to a digit's height.
        double s = inkHeight / (Character.isDigit(ch) || Character.isUpperCase(ch) ? base.inkHeight() : BASE * 0.72);
        int tw = Math.max(3, (int) Math.round(base.w() * s)), th = Math.max(3, (int) Math.round(base.h() * s));
        float[] sdf = Cv.resize(base.sdf(), base.w(), base.h(), 1, tw, th, opencv_imgproc.INTER_LINEAR);
        float fs = (float) s, b = (float) bolden;
        for (int i = 0; i < sdf.length; i++) {
            sdf[i] = sdf[i] * fs + b;
        }
        return Shape.of(tw, th, sdf);
    }

    private static Shape rasterise(Font font, char ch) {
        Font f = font.deriveFont((float) BASE);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D pg = probe.createGraphics();
        GlyphVector gv = f.createGlyphVector(pg.getFontRenderContext(), String.valueOf(ch));
        Rectangle2D r = gv.getVisualBounds();
        pg.dispose();
        int pad = 12;
        int w = (int) Math.ceil(r.getWidth()) + 2 * pad, h = (int) Math.ceil(r.getHeight()) + 2 * pad;
        if (ch == ' ' || r.getWidth() < 1) {
            return Shape.of(Math.max(w, 40), BASE, new float[Math.max(w, 40) * BASE]);
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.drawGlyphVector(gv, (float) (pad - r.getX()), (float) (pad - r.getY()));
        g.dispose();
        byte[] in = new byte[w * h], out = new byte[w * h];
        byte[] raster = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < in.length; i++) {
            boolean ink = (raster[i] & 0xff) >= 128;
            in[i] = (byte) (ink ? 1 : 0);
            out[i] = (byte) (ink ? 0 : 1);
        }
        float[] dIn = Cv.distance(in, w, h), dOut = Cv.distance(out, w, h);
        float[] sdf = new float[w * h];
        for (int i = 0; i < sdf.length; i++) {
            sdf[i] = in[i] == 1 ? dIn[i] - 0.5f : 0.5f - dOut[i];
        }
        return Shape.of(w, h, sdf);
    }
}
