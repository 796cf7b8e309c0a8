package io.digitcam.vision;

/**
 * Every threshold of the detector, named. Sizes are fractions of the frame height so the same
 * settings serve 320×240 and 1920×1080.
 *
 * @param workingHeight      frames taller than this are analysed at this height (speed). 360 is
 *                           half of 720p and a third of 1080p, so the shrink is OpenCV's fast
 *                           integer-factor area resize; on 1,000 generated scenes it read as
 *                           well as 480 (81.1% against 80.6% of digits) at 2.6× less time
 * @param strokeKernel       the widest stroke, as a fraction of frame height: the background of
 *                           a pixel is the frame with features thinner than this closed away
 * @param backgroundKernel   window of the surface estimate (a median), as a fraction of frame
 *                           height; ink must cover well under half of such a window
 * @param minInkRatio        how much darker (or lighter) than its local background a pixel must
 *                           be to count as ink, as a fraction of the background level
 * @param minInkContrast     and by how many grey levels at least (noise in dark areas)
 * @param minSurfaceRatio    how much darker (lighter) than the surface median ink must also be,
 *                           as a fraction of the surface level: blurred edges of sheets and boards
 *                           and the paper in a shadow are not
 * @param minHeight          smallest digit height, fraction of frame height
 * @param maxHeight          largest digit height, fraction of frame height
 * @param minAspect          narrowest width/height (a "1")
 * @param maxAspect          widest width/height of one digit; wider regions are split
 * @param maxDigitsPerRegion most digits one touching region may be split into
 * @param minDensity         least ink per box area (a thin "1" or "7" is ~0.1)
 * @param maxDensity         most ink per box area (filled blobs are not digits)
 * @param surroundMargin     width of the ring checked around a region, fraction of its height
 * @param maxSurroundInk     most ink allowed in that ring that does not belong to a digit-sized
 *                           neighbour: digits stand on clear paper, clutter does not
 * @param maxSurroundVariation most grey-level variation (stddev/mean) of the ring's background
 * @param mergeOverlap       fraction of the narrower region's width two regions must share in x
 *                           to be merged as one broken digit (the bar of a 5, an open 4)
 * @param mergeGap           vertical gap allowed for such a merge, fraction of the taller height
 * @param maxCandidates      at most this many regions go to the classifier per frame
 * @param barAspect          regions narrower than this (width/height) are bars: a "1"
 * @param maxBarDensity      most ink a bar may have; a marker "1" is nearly solid, so bars get
 *                           more than {@code maxDensity}
 * @param barSideGap         width of the strips beside a bar that must be as clear as the ring
 *                           above and below, fraction of its height: a "1" keeps a gap to its
 *                           neighbours, a book spine in a row of books does not
 * @param maxBarSideStep     most the mean levels of the four sides around a bar may differ,
 *                           relative to their level: paper is one level all round a "1", a spine
 *                           stands between books of other colours. On 1,000 scenes 0.15 halved
 *                           the false digits for 0.4% of the digits read
 * @param maxBoardLevel      brightest surface (grey level) light ink may stand on: chalk is
 *                           written on dark boards, and bright paper is never a board. 128, not
 *                           the 96 that scored best on the generated boards: a webcam's auto
 *                           exposure lifts a real blackboard towards mid-grey
 */
public record DetectionSettings(int workingHeight, double strokeKernel, double backgroundKernel, double minInkRatio, int minInkContrast,
                                double minSurfaceRatio,
                                double minHeight, double maxHeight, double minAspect, double maxAspect,
                                int maxDigitsPerRegion, double minDensity, double maxDensity,
                                double surroundMargin, double maxSurroundInk, double maxSurroundVariation,
                                double mergeOverlap, double mergeGap, int maxCandidates, double barAspect,
                                double maxBarDensity, double barSideGap, double maxBarSideStep,
                                int maxBoardLevel) {
    public static final DetectionSettings DEFAULT = new DetectionSettings(360, 0.08, 0.5, 0.38, 18, 0.3,
            0.025, 0.6, 0.08, 1.25, 4, 0.06, 0.7,
            0.3, 0.1, 0.25,
            0.5, 0.3, 80, 0.4, 0.9, 0.15, 0.15, 128);
}
