package io.digitcam.synth.raster;

/**
 * What the digits are written on, in its own flat coordinates: reflectance, the outline (alpha),
 * how much of it glows by itself (a screen), and the surface tooth that breaks pencil and chalk.
 */
final class Sheet {
    final String surface;
    final Img refl;
    final float[] alpha;
    final float[] tooth;
    final float emissive;
    final boolean dark;

    Sheet(String surface, Img refl, float[] alpha, float[] tooth, float emissive, boolean dark) {
        this.surface = surface;
        this.refl = refl;
        this.alpha = alpha;
        this.tooth = tooth;
        this.emissive = emissive;
        this.dark = dark;
    }

    int w() {
        return refl.w;
    }

    int h() {
        return refl.h;
    }

    static float[] bgr(double r, double g, double b) {
        return new float[] {(float) b, (float) g, (float) r};
    }
}
