package io.digitcam.app;

/**
 * How the video view shows a frame: scaled to fit with its aspect ratio kept and centred
 * (letterboxed). The overlay draws boxes with it and clicks are mapped back to frame pixels with
 * it, so the two cannot disagree.
 *
 * @param scale screen pixels per frame pixel
 * @param dx    left edge of the frame on screen
 * @param dy    top edge of the frame on screen
 */
record ViewMapping(double scale, double dx, double dy) {
    static ViewMapping fit(double viewWidth, double viewHeight, int frameWidth, int frameHeight) {
        double scale = Math.min(viewWidth / frameWidth, viewHeight / frameHeight);
        return new ViewMapping(scale, (viewWidth - frameWidth * scale) / 2, (viewHeight - frameHeight * scale) / 2);
    }

    double frameX(double viewX) {
        return (viewX - dx) / scale;
    }

    double frameY(double viewY) {
        return (viewY - dy) / scale;
    }

    double viewX(double frameX) {
        return dx + frameX * scale;
    }

    double viewY(double frameY) {
        return dy + frameY * scale;
    }
}
