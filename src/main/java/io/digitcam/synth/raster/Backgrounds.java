package io.digitcam.synth.raster;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.global.opencv_imgproc;

/**
 * What lies behind the sheet: a desk (wood, laminate, cloth) made of noise, or one of the
 * sample photographs (checked by eye: none shows a legible digit).
 */
final class Backgrounds {
    private static final String DIR = "/usr/share/doc/opencv-doc/examples/data";
    // graf3, messi5, right01 and right02 were left out: graffiti, a stadium and a whiteboard with a keyboard may show digits.
    private static final String[] PHOTOS = {
        "Blender_Suzanne2.jpg", "aero3.jpg", "aloeR.jpg", "basketball2.png", "box_in_scene.png", "ellipses.jpg",
        "leuvenA.jpg", "leuvenB.jpg", "orange.jpg", "pic1.png", "pic2.png", "pic3.png", "rubberwhale1.png",
        "rubberwhale2.png", "smarties.png", "squirrel_cls.jpg", "starry_night.jpg", "stuff.jpg"
    };
    private static volatile List<Img> photos;

    private Backgrounds() {
    }

    static boolean havePhotos() {
        return !photos().isEmpty();
    }

    private static List<Img> photos() {
        List<Img> p = photos;
        if (p == null) {
            synchronized (Backgrounds.class) {
                if (photos == null) {
                    List<Img> list = new ArrayList<>();
                    for (String name : PHOTOS) {
                        try {
                            File f = new File(DIR, name);
                            if (f.isFile()) {
                                var img = ImageIO.read(f);
                                if (img != null) {
                                    list.add(Img.fromBgr(img));
                                }
                            }
                        } catch (Exception e) {
                            // An unreadable photo only narrows the variety.
                        }
                    }
                    photos = List.copyOf(list);
                }
                p = photos;
            }
        }
        return p;
    }

    /** A random crop of a photo, scaled to cover the frame, slightly out of focus as backgrounds are. */
    static Img photo(int w, int h, SplittableRandom rng) {
        List<Img> list = photos();
        Img src = list.get(rng.nextInt(list.size()));
        double s = Math.max(w / (double) src.w, h / (double) src.h) * rng.nextDouble(1.0, 1.5);
        int cw = (int) Math.min(src.w, Math.ceil(w / s)), ch = (int) Math.min(src.h, Math.ceil(h / s));
        int x0 = rng.nextInt(src.w - cw + 1), y0 = rng.nextInt(src.h - ch + 1);
        float[] crop = new float[cw * ch * 3];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(src.px, ((y0 + y) * src.w + x0) * 3, crop, y * cw * 3, cw * 3);
        }
        boolean flip = rng.nextBoolean();
        float[] out = Cv.resize(crop, cw, ch, 3, w, h, opencv_imgproc.INTER_LINEAR);
        Img img = new Img(w, h, 3, out);
        if (flip) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w / 2; x++) {
                    for (int c = 0; c < 3; c++) {
                        int a = (y * w + x) * 3 + c, b = (y * w + w - 1 - x) * 3 + c;
                        float t = img.px[a];
                        img.px[a] = img.px[b];
                        img.px[b] = t;
                    }
                }
            }
        }
        Cv.gaussian(img.px, w, h, 3, rng.nextDouble(0, 2.5) * h / 720.0);
        // Photos are already lit; bring them to reflectance-like levels so the scene light does not double them.
        float k = (float) rng.nextDouble(0.7, 0.95);
        for (int i = 0; i < img.px.length; i++) {
            img.px[i] *= k;
        }
        return img;
    }

    private static final double[][] WOOD = {{0.55, 0.36, 0.2}, {0.7, 0.52, 0.32}, {0.4, 0.25, 0.15}, {0.78, 0.64, 0.45}};
    private static final double[][] PLAIN = {{0.85, 0.85, 0.83}, {0.3, 0.3, 0.32}, {0.12, 0.12, 0.13}, {0.6, 0.62, 0.6},
        {0.25, 0.3, 0.45}, {0.55, 0.2, 0.2}, {0.92, 0.9, 0.86}};

    private static final float[] SIN = new float[1024];

    static {
        for (int i = 0; i < SIN.length; i++) {
            SIN[i] = (float) Math.sin(i * 2 * Math.PI / SIN.length);
        }
    }

    static Img desk(int w, int h, SplittableRandom rng) {
        int kind = rng.nextInt(3);
        if (kind == 0) {
            double[] c = WOOD[rng.nextInt(WOOD.length)];
            Img img = Img.filled(w, h, Sheet.bgr(c[0], c[1], c[2]));
            boolean vert = rng.nextBoolean();
            double along = w * rng.nextDouble(0.3, 1.0), across = h * rng.nextDouble(0.004, 0.012);
            float[] grain = vert ? Noise.field(rng, w, h, across, along) : Noise.field(rng, w, h, along, across);
            float[] fine = Noise.field(rng, w, h, vert ? 1.5 : 12, vert ? 12 : 1.5);
            float[] ring = Noise.field(rng, w, h, w / 4.0, h / 4.0);
            for (int i = 0; i < w * h; i++) {
                double band = SIN[(int) ((grain[i] * 6 + ring[i] * 4) * 512) & 1023];
                float m = (float) (1 + 0.12 * band + 0.08 * (fine[i] - 0.5));
                img.px[3 * i] *= m * 0.95f;
                img.px[3 * i + 1] *= m;
                img.px[3 * i + 2] *= m;
            }
            return img;
        }
        double[] c = PLAIN[rng.nextInt(PLAIN.length)];
        Img img = Img.filled(w, h, Sheet.bgr(c[0], c[1], c[2]));
        if (kind == 1) {
            Surfaces.texture(img, h / 10.0, rng, 0.04, 0.05);
        } else {
            // Cloth: a weave, visible only up close, under a soft fold pattern.
            double period = rng.nextDouble(2.5, 6) * h / 720.0 + 1.5;
            float[] fold = Noise.fbm(rng, w, h, h / 3.0, 2);
            float[] sx = new float[w];
            for (int x = 0; x < w; x++) {
                sx[x] = (float) Math.sin(x * 2 * Math.PI / period);
            }
            for (int y = 0; y < h; y++) {
                float sy = (float) Math.sin(y * 2 * Math.PI / period);
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    float m = 1 + 0.06f * sx[x] * sy + 0.25f * fold[i];
                    img.px[3 * i] *= m;
                    img.px[3 * i + 1] *= m;
                    img.px[3 * i + 2] *= m;
                }
            }
        }
        return img;
    }
}
