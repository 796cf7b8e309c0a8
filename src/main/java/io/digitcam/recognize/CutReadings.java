package io.digitcam.recognize;

import io.digitcam.model.DigitPrediction;
import io.digitcam.vision.Box;
import io.digitcam.vision.Region;
import java.util.List;

/**
 * Settles the ink the detector offered both whole and cut into pieces ({@link Region#cutFrom}):
 * one wide digit, or touching digits. The whole stands when the classifier reads it as a digit,
 * at least as surely as the least sure of the pieces: a "2" whose long foot was cut off reads
 * "2" whole but "2" and a doubtful "1" cut, while "53" written touching reads as no digit whole.
 */
final class CutReadings {
    private CutReadings() {
    }

    /** For each region, whether its reading gives way to the other reading of the same ink. */
    static boolean[] setAside(List<Region> regions, List<DigitPrediction> predictions, double minConfidence) {
        boolean[] aside = new boolean[regions.size()];
        for (int w = 0; w < regions.size(); w++) {
            Region whole = regions.get(w);
            if (!whole.isWholeOfCut()) {
                continue;
            }
            Box cut = whole.cutFrom();
            double weakestPiece = 1;
            boolean anyPiece = false;
            for (int i = 0; i < regions.size(); i++) {
                if (i != w && cut.equals(regions.get(i).cutFrom())) {
                    weakestPiece = Math.min(weakestPiece, predictions.get(i).probability());
                    anyPiece = true;
                }
            }
            double sure = predictions.get(w).probability();
            boolean wholeStands = !anyPiece || sure >= minConfidence && sure >= weakestPiece;
            for (int i = 0; i < regions.size(); i++) {
                if (cut.equals(regions.get(i).cutFrom())) {
                    aside[i] = (i == w) != wholeStands;
                }
            }
        }
        return aside;
    }
}
