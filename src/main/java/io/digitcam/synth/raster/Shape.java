package io.digitcam.synth.raster;

/**
 * A mark's ink as a signed distance field in target pixels: positive inside the stroke, the
 * value being how far inside. Instruments turn it into coverage (and use it for edge effects);
 * {@code x0..y1} is the tight box of {@code sdf > 0}.
 */
record Shape(int w, int h, float[] sdf, int x0, int y0, int x1, int y1) {
    static Shape of(int w, int h, float[] sdf) {
        int ax = w, ay = h, bx = -1, by = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (sdf[y * w + x] > 0) {
                    ax = Math.min(ax, x);
                    bx = Math.max(bx, x);
                    ay = Math.min(ay, y);
                    by = Math.max(by, y);
                }
            }
        }
        return new Shape(w, h, sdf, ax, ay, bx + 1, by + 1);
    }

    boolean blank() {
        return x1 <= x0;
    }

    int inkWidth() {
        return x1 - x0;
    }

    int inkHeight() {
        return y1 - y0;
    }
}
