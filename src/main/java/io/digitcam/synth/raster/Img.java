package io.digitcam.synth.raster;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A float image, channels interleaved in B,G,R order (the order OpenCV and the frame use), values
 * being reflectance or radiance in [0,1] (radiance may exceed 1 before the camera clips it).
 */
final class Img {
    final int w;
    final int h;
    final int c;
    final float[] px;

    Img(int w, int h, int c) {
        this.w = w;
        this.h = h;
        this.c = c;
        this.px = new float[w * h * c];
    }

    Img(int w, int h, int c, float[] px) {
        this.w = w;
        this.h = h;
        this.c = c;
        this.px = px;
    }

    static Img filled(int w, int h, float[] bgr) {
        Img m = new Img(w, h, 3);
        float[] p = m.px;
        for (int i = 0; i < p.length; i += 3) {
            p[i] = bgr[0];
            p[i + 1] = bgr[1];
            p[i + 2] = bgr[2];
        }
        return m;
    }

    /** Clips to [0,1], rounds and dithers nothing: the camera's own noise is added before this. */
    BufferedImage toBgr() {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] d = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < d.length; i++) {
            float v = px[i];
            int b = (int) (v * 255f + 0.5f);
            d[i] = (byte) (b < 0 ? 0 : Math.min(b, 255));
        }
        return out;
    }

    static BufferedImage bgr(byte[] b, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] d = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(b, 0, d, 0, d.length);
        return out;
    }

    static Img fromBgr(BufferedImage img) {
        BufferedImage bgr = img;
        if (img.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            bgr.getGraphics().drawImage(img, 0, 0, null);
        }
        byte[] d = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        Img m = new Img(bgr.getWidth(), bgr.getHeight(), 3);
        for (int i = 0; i < d.length; i++) {
            m.px[i] = (d[i] & 0xff) / 255f;
        }
        return m;
    }
}
