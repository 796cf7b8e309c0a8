package io.digitcam.synth.raster;

import io.digitcam.synth.Condition.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the sheet is: its size, its pose as a plane seen by a pinhole camera (out-of-plane
 * pitch and yaw give perspective, in-plane roll gives tilt), and the homography that results.
 */
final class Geometry {
    int frameW;
    int frameH;
    int sw;
    int sh;
    /** Sheet pixels per frame pixel at nominal scale. */
    double k;
    double[] hm;
    double[] inv;
    double[] quad;
    boolean fill;
    boolean hand;
    final List<String> framing = new ArrayList<>();

    static Geometry choose(RasterScenes r, String surface, boolean closeUp, boolean shown, int fw, int fh, SplittableRandom rng) {
        Geometry g = new Geometry();
        g.frameW = fw;
        g.frameH = fh;
        String primary = null;
        double[] wts = {0.4, 0.35, 0.25};
        String[] names = {"flat", "tilt", "perspective"};
        double tot = 0;
        for (int i = 0; i < 3; i++) {
            tot += r.allowed(Family.FRAMING, names[i]) ? wts[i] : 0;
        }
        if (tot > 0) {
            double x = rng.nextDouble(tot);
            for (int i = 0; i < 3; i++) {
                if (r.allowed(Family.FRAMING, names[i])) {
                    x -= wts[i];
                    if (x < 0) {
                        primary = names[i];
                        break;
                    }
                }
            }
            if (primary == null) {
                primary = names[2];
            }
        }
        double wPx, hPx;
        boolean board = surface.equals("whiteboard") || surface.equals("chalkboard");
        g.fill = board || (closeUp && !surface.equals("sticky") && !surface.equals("screen"));
        if (g.fill) {
            wPx = fw * rng.nextDouble(1.25, 1.7);
            hPx = Math.max(fh * 1.3, wPx * rng.nextDouble(0.55, 0.75));
        } else if (surface.equals("sticky")) {
            wPx = hPx = fh * (closeUp ? rng.nextDouble(0.9, 1.2) : rng.nextDouble(0.35, 0.8));
        } else if (surface.equals("screen")) {
            boolean phone = rng.nextDouble() < 0.6;
            double shortSide = phone ? fh * rng.nextDouble(0.4, 0.65) : fh * rng.nextDouble(0.6, 0.9);
            double longSide = shortSide * (phone ? rng.nextDouble(1.8, 2.1) : rng.nextDouble(1.3, 1.45));
            if (closeUp) {
                shortSide *= 1.4;
                longSide *= 1.4;
            }
            boolean portrait = rng.nextDouble() < (phone ? 0.6 : 0.3);
            wPx = portrait ? shortSide : longSide;
            hPx = portrait ? longSide : shortSide;
        } else {
            double longSide = Math.max(fw, fh) * rng.nextDouble(0.55, 1.3);
            double aspect = surface.equals("cardboard") ? rng.nextDouble(1.0, 1.6) : rng.nextDouble(1.35, 1.45);
            boolean portrait = rng.nextBoolean();
            wPx = portrait ? longSide / aspect : longSide;
            hPx = portrait ? longSide : longSide / aspect;
        }
        g.k = Math.min(1, Math.sqrt(1.0e6 / (wPx * hPx)));
        g.sw = Math.max(16, (int) (wPx * g.k));
        g.sh = Math.max(16, (int) (hPx * g.k));

        double pitch, yaw, roll;
        String p = primary == null ? "flat" : primary;
        switch (p) {
            case "tilt" -> {
                pitch = rng.nextDouble(-0.1, 0.1);
                yaw = rng.nextDouble(-0.1, 0.1);
                roll = rng.nextDouble(0.09, 0.52) * (rng.nextBoolean() ? 1 : -1);
            }
            case "perspective" -> {
                pitch = rng.nextDouble(0.25, 0.7) * (rng.nextDouble() < 0.75 ? 1 : -1);
                yaw = rng.nextDouble(-0.45, 0.45);
                roll = rng.nextDouble(-0.2, 0.2);
            }
            default -> {
                pitch = rng.nextDouble(-0.06, 0.06);
                yaw = rng.nextDouble(-0.06, 0.06);
                roll = rng.nextDouble(-0.05, 0.05);
            }
        }
        if (primary != null && shown) {
            g.framing.add(primary);
        }
        double cx = fw / 2.0 + rng.nextDouble(-0.12, 0.12) * fw, cy = fh / 2.0 + rng.nextDouble(-0.12, 0.12) * fh;
        boolean partial = !g.fill && shown && r.allowed(Family.FRAMING, "partial") && rng.nextDouble() < 0.22;
        if (partial) {
            double a = rng.nextDouble(Math.PI * 2);
            double push = rng.nextDouble(0.25, 0.45);
            cx = fw / 2.0 + Math.cos(a) * (fw / 2.0 + wPx * (push - 0.5));
            cy = fh / 2.0 + Math.sin(a) * (fh / 2.0 + hPx * (push - 0.5));
        }
        double f = Math.max(fw, fh) * rng.nextDouble(0.9, 1.5);
        double cp = Math.cos(pitch), sp = Math.sin(pitch), cyw = Math.cos(yaw), syw = Math.sin(yaw);
        double cr = Math.cos(roll), sr = Math.sin(roll);
        double[] local = {-wPx / 2, -hPx / 2, wPx / 2, -hPx / 2, wPx / 2, hPx / 2, -wPx / 2, hPx / 2};
        g.quad = new double[8];
        for (int i = 0; i < 4; i++) {
            double x = local[2 * i], y = local[2 * i + 1];
            // Yaw about the vertical axis, then pitch about the horizontal one, then project.
            double x1 = x * cyw, z1 = x * syw;
            double y2 = y * cp - z1 * sp, z2 = y * sp + z1 * cp;
            double u = f * x1 / (f + z2), v = f * y2 / (f + z2);
            g.quad[2 * i] = cx + u * cr - v * sr;
            g.quad[2 * i + 1] = cy + u * sr + v * cr;
        }
        double[] rect = {0, 0, g.sw, 0, g.sw, g.sh, 0, g.sh};
        g.hm = Cv.homography(rect, g.quad);
        g.inv = Cv.homography(g.quad, rect);
        if (partial) {
            boolean out = false;
            for (int i = 0; i < 4; i++) {
                double x = g.quad[2 * i], y = g.quad[2 * i + 1];
                out |= x < 0 || y < 0 || x > fw || y > fh;
            }
            if (out) {
                g.framing.add("partial");
            }
        }
        g.hand = r.allowed(Family.FRAMING, "hand") && rng.nextDouble() < 0.15;
        return g;
    }

    /** A point on the sheet's outline inside the frame, where fingers hold a sheet. */
    double[] edgePoint(SplittableRandom rng, int fw, int fh) {
        for (int t = 0; t < 20; t++) {
            int e = rng.nextInt(4);
            double s = rng.nextDouble();
            double x = quad[2 * e] + s * (quad[(2 * e + 2) % 8] - quad[2 * e]);
            double y = quad[2 * e + 1] + s * (quad[(2 * e + 3) % 8] - quad[2 * e + 1]);
            if (x > 0 && y > 0 && x < fw && y < fh) {
                return new double[] {x, y};
            }
        }
        return new double[] {rng.nextDouble(fw), rng.nextBoolean() ? fh * 0.95 : fh * 0.05};
    }
}
