package io.digitcam.synth.raster;

/** Zhang–Suen thinning: a binary shape down to its one-pixel centre line, in place. */
final class Thinning {
    private Thinning() {
    }

    static void thin(byte[] m, int w, int h) {
        byte[] del = new byte[m.length];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int pass = 0; pass < 2; pass++) {
                int count = 0;
                for (int y = 1; y < h - 1; y++) {
                    for (int x = 1; x < w - 1; x++) {
                        int i = y * w + x;
                        if (m[i] == 0) {
                            continue;
                        }
                        int p2 = m[i - w], p3 = m[i - w + 1], p4 = m[i + 1], p5 = m[i + w + 1];
                        int p6 = m[i + w], p7 = m[i + w - 1], p8 = m[i - 1], p9 = m[i - w - 1];
                        int b = p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9;
                        if (b < 2 || b > 6) {
                            continue;
                        }
                        int a = (p2 == 0 && p3 == 1 ? 1 : 0) + (p3 == 0 && p4 == 1 ? 1 : 0)
                                + (p4 == 0 && p5 == 1 ? 1 : 0) + (p5 == 0 && p6 == 1 ? 1 : 0)
                                + (p6 == 0 && p7 == 1 ? 1 : 0) + (p7 == 0 && p8 == 1 ? 1 : 0)
                                + (p8 == 0 && p9 == 1 ? 1 : 0) + (p9 == 0 && p2 == 1 ? 1 : 0);
                        if (a != 1) {
                            continue;
                        }
                        boolean ok = pass == 0
                                ? p2 * p4 * p6 == 0 && p4 * p6 * p8 == 0
                                : p2 * p4 * p8 == 0 && p2 * p6 * p8 == 0;
                        if (ok) {
                            del[i] = 1;
                            count++;
                        }
                    }
                }
                if (count > 0) {
                    changed = true;
                    for (int i = 0; i < m.length; i++) {
                        if (del[i] == 1) {
                            m[i] = 0;
                            del[i] = 0;
                        }
                    }
                }
            }
        }
    }
}
