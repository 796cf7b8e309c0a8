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
 * @param darkInk            how much darker than its surroundings dark ink (pen, pencil, marker
 *                           on paper) must be, as fractions of the background level
 * @param lightInk           how much lighter light ink (chalk, paint on a board) must be, as
 *                           fractions of the headroom above the background (255 − level). Lower
 *                           than dark ink's: chalk is faint and smudged, and a board leaves more
 *                           headroom than paper leaves depth. With dark ink's 0.38/0.3 a board
 *                           lost about one digit in ten to faint strokes; at 0.3/0.25 (and boards
 *                           at most 110, below) two sets of generated scenes (1,000 and 600) read
 *                           2.1 and 2.8 points more digits and 3.6 and 3.8 more numbers exactly,
 *                           for 0.20 false digits per empty frame against 0.16 on the first set
 *                           (the same 0.17 on the second)
 * @param minInkContrast     and ink must differ by this many grey levels at least (noise in dark
 *                           areas)
 * @param minHeight          smallest digit height, fraction of frame height
 * @param maxHeight          largest digit height, fraction of frame height
 * @param minAspect          narrowest width/height (a "1")
 * @param maxAspect          widest width/height of one digit; wider regions are split
 * @param maxDigitsPerRegion most digits one touching region may be split into
 * @param minDensity         least ink per box area (a thin "1" or "7" is ~0.1)
 * @param maxDensity         most ink per box area (filled blobs are not digits). Bold marker
 *                           "8"s and "0"s with small holes fill 0.70–0.79 of their box; 0.8
 *                           instead of 0.7 read 0.4 points more digits and 0.8 more numbers on
 *                           1,000 generated scenes, with the same false digits per empty frame.
 *                           A filled disc (0.785) is then left to the classifier
 * @param surroundMargin     width of the ring checked around a region, fraction of its height
 * @param maxSurroundInk     most ink allowed in the strips of that ring above and below a region
 *                           (for a digit the cleaner of the two, so one by a sheet's top or bottom
 *                           edge passes; for a bar both) and beside a bar: digits stand on clear
 *                           paper, clutter does not
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
 * @param board              where light ink (chalk) may stand (see {@link Board})
 * @param loneStroke         when a "1" may be a number on its own
 * @param wideDigit          when a region too wide for one digit is still one
 * @param maxEnclosing       the loops of a dark "0" or "8" are light regions, the gaps between
 *                           chalk strokes dark ones: a region mostly inside a larger one of the
 *                           other polarity is dropped, if the larger one is at most this many
 *                           times as tall. Without the limit, a sheet that passed for light ink
 *                           on a dark desk (its box 8 times a digit's height) swallowed every
 *                           digit written on it; 4 read 0.3 points more digits on 1,000 scenes,
 *                           with the same false digits per empty frame
 */
public record DetectionSettings(int workingHeight, double strokeKernel, double backgroundKernel,
                                InkContrast darkInk, InkContrast lightInk, int minInkContrast,
                                double minHeight, double maxHeight, double minAspect, double maxAspect,
                                int maxDigitsPerRegion, double minDensity, double maxDensity,
                                double surroundMargin, double maxSurroundInk, double maxSurroundVariation,
                                double mergeOverlap, double mergeGap, int maxCandidates, double barAspect,
                                double maxBarDensity, double barSideGap, double maxBarSideStep,
                                Board board, LoneStroke loneStroke, WideDigit wideDigit,
                                double maxEnclosing) {
    public static final DetectionSettings DEFAULT = new DetectionSettings(360, 0.08, 0.5,
            new InkContrast(0.38, 0.3), new InkContrast(0.3, 0.25, 48), 18,
            0.025, 0.6, 0.08, 1.25, 4, 0.06, 0.8,
            0.3, 0.1, 0.25,
            0.5, 0.3, 80, 0.4, 0.9, 0.15, 0.15, new Board(110, 0.085, 55), new LoneStroke(0.6, 0.03, 16, 3, 1, 1.8),
            new WideDigit(0.35, 1.7), 4);

    /**
     * Where light ink may stand: chalk is written on dark boards, and bright paper is never a
     * board.
     *
     * @param maxLevel      brightest surface (grey level) light ink may stand on. Not as low as
     *                      the 96 that scored best on the generated boards: a webcam's auto
     *                      exposure lifts a real blackboard towards mid-grey. Not 128 either:
     *                      with chalk's lower thresholds, light book spines on a grey wall passed
     *                      for chalk (0.26 false digits per empty frame against 0.19 on 400 scenes)
     * @param reach         chalk near a board's edge: the surface median there is lifted by
     *                      whatever lies beyond the edge (a bright wall, the desk), so a surface at
     *                      most {@code maxLevel} this far away (fraction of the working height)
     *                      also counts, if the ink's own surroundings are dark ({@code edgeLevel})
     * @param edgeLevel     the darkest such surroundings must be: a board, not paper in a shadow
     *                      or the loop of a bold dark digit
     */
    public record Board(int maxLevel, double reach, int edgeLevel) {
    }

    /**
     * How far ink must stand out, relative to the level it stands on.
     *
     * @param background from the pixel's local background: the frame with features thinner than a
     *                   stroke closed (or opened) away; this keeps the edges of shadows sharp
     * @param surface    from the surface median, so that blurred edges of sheets and boards, paper
     *                   in a shadow, and the board between the strokes of chalk digits are not ink
     * @param maxLevels  ink standing out by this many grey levels is enough, whatever the ratios
     *                   ask. For light ink the ratios are of the headroom above the board, and on
     *                   a very dark board they asked 60–70 levels: grey chalk 50–60 levels above
     *                   it was never found. A cap of 48 read 0.2 points more digits on 1,000
     *                   generated scenes and 1.4 more on 600 others, with no more false digits per
     *                   empty frame on the first set and one more on the second (0.047); 44 and 40
     *                   read more digits but gave 0.052 and 0.056 on the first
     */
    public record InkContrast(double background, double surface, int maxLevels) {
        /** Ink judged by the ratios alone. */
        public InkContrast(double background, double surface) {
            this(background, surface, 255);
        }
    }

    /**
     * When a "1" may be read as a number on its own ({@link DigitDetector#mayStandAlone}). On 1,000
     * generated scenes, 153 of the 189 false digits were such lone "1"s (pens, strings, sticks,
     * edges of objects) against 55 real ones. With these tests the false digits per empty frame
     * fell from 0.20 to 0.11 and those beside real digits from 140 to 87, for 3 digits fewer
     * read (0.1%); on 600 other scenes from 0.16 to 0.07, for about 2 digits fewer.
     *
     * @param ring           width of the ring checked around it, as a fraction of its height
     * @param maxRingInk     most ink in that ring: a "1" written alone stands on clear paper
     * @param maxElongation  longest its ink may be for its width: a stroke of marker or felt pen
     *                       is a few times longer than wide, strings, cables and edges are thin
     *                       lines. 10 scored better on the generated scenes (0.07 false digits
     *                       per empty frame), but a "1" written with an ordinary marker, 6 px
     *                       wide and 80 px long, measures 13
     * @param nearBand       width, in pixels of the working resolution, of the band right
     *                       around its box
     * @param maxNearInk     most ink pixels in that band. The box is tight around the region's
     *                       ink, so ink this close is the rest of something longer: a dotted
     *                       string cut into dashes, each read as a "1", passed the ring test with
     *                       a few pixels in a large ring. On the 1,000 scenes this took the false
     *                       digits per empty frame from 0.092 to 0.068 and those beside real
     *                       digits from 87 to 70, and lost no real digit; a 1-pixel band with no
     *                       ink allowed removed 15 beside digits and none on empty frames
     * @param maxTaper       most its ink may widen from one end to the other
     *                       ({@code StrokeTaper}): a knife, a wedge or an object's corner read
     *                       as a "1" widens steadily, a written stroke keeps its width. Of the
     *                       lone "1"s read on 1,600 scenes (seeds 5000 and 7000), 2 of about 90
     *                       real ones measured over 1.8 (2.0 and 2.27, chalk and pen) against 20
     *                       false ones; 2.0 would keep one of the two and drop 14 false ones
     */
    public record LoneStroke(double ring, double maxRingInk, double maxElongation, int nearBand, int maxNearInk,
                             double maxTaper) {
    }

    /**
     * When a region too wide for one digit is one digit all the same: a "5" whose top bar, or a
     * "2" or "7" whose stroke, runs far out to the right. The cut that would split it off leaves a
     * piece too short to be a digit (and rejected as one). Cut, the digit reads from a box that
     * ends where its bar begins, and the wider gap to the next digit splits the number in two
     * ("7158" read "715 8").
     *
     * @param maxPiece  a cut that leaves a piece shorter than this, as a fraction of the region's
     *                  height, is not made
     * @param maxAspect widest (width/height) such a digit may be; MNIST's "5"s with a long bar
     *                  measure up to 1.5
     */
    public record WideDigit(double maxPiece, double maxAspect) {
    }
}
