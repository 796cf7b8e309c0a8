package io.digitcam.synth.raster;

/**
 * A digit's ink placed on the sheet: its shape with the canvas corner at {@code (ox, oy)} in sheet
 * pixels, and once mapped, its tight box in the frame and how much of its ink the frame shows.
 */
final class Placed {
    final int label;
    final Shape shape;
    final int ox;
    final int oy;
    int fx0;
    int fy0;
    int fx1;
    int fy1;
    double visible;

    Placed(int label, Shape shape, int ox, int oy) {
        this.label = label;
        this.shape = shape;
        this.ox = ox;
        this.oy = oy;
    }

    /** Maps the ink pixels through the sheet-to-frame homography for the tight frame box. */
    void map(double[] hm, int fw, int fh) {
        int step = Math.max(1, shape.inkHeight() / 80);
        int in = 0, total = 0;
        double ax = Double.MAX_VALUE, ay = Double.MAX_VALUE, bx = -Double.MAX_VALUE, by = -Double.MAX_VALUE;
        float[] sdf = shape.sdf();
        for (int y = shape.y0(); y < shape.y1(); y += step) {
            for (int x = shape.x0(); x < shape.x1(); x += step) {
                if (sdf[y * shape.w() + x] <= 0) {
                    continue;
                }
                total++;
                double sx = ox + x + 0.5, sy = oy + y + 0.5;
                double z = hm[6] * sx + hm[7] * sy + hm[8];
                double u = (hm[0] * sx + hm[1] * sy + hm[2]) / z, v = (hm[3] * sx + hm[4] * sy + hm[5]) / z;
                if (u >= 0 && v >= 0 && u < fw && v < fh) {
                    in++;
                    ax = Math.min(ax, u);
                    ay = Math.min(ay, v);
                    bx = Math.max(bx, u);
                    by = Math.max(by, v);
                }
            }
        }
        visible = total == 0 ? 0 : in / (double) total;
        if (in == 0) {
            return;
        }
        // Half a sheet pixel (scaled) around each sampled centre is ink too.
        double half = 0.5 * step * Math.sqrt(Math.abs(hm[0] * hm[4] - hm[1] * hm[3]));
        fx0 = Math.max(0, (int) Math.floor(ax - half));
        fy0 = Math.max(0, (int) Math.floor(ay - half));
        fx1 = Math.min(fw, (int) Math.ceil(bx + half));
        fy1 = Math.min(fh, (int) Math.ceil(by + half));
    }

    int frameHeight() {
        return fy1 - fy0;
    }
}
