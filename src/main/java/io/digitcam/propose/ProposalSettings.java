package io.digitcam.propose;

/**
 * The proposer's few parameters. They aim at recall: what is not a digit is the verifier's to
 * turn down, so these only bound what is worth asking it about.
 *
 * @param workingHeight  frames taller than this are analysed at this height, but at half size at least
 * @param levels         pyramid levels, each half the height of the one before: level 0 finds
 *                       digits from about 10 px high, the last one a digit filling the frame
 * @param strokeKernel   side in level pixels of the closing (opening) that takes ink away to
 *                       leave the surface: strokes up to about this wide are seen at a level
 * @param minContrast    how much ink must differ from the surface, as a fraction of the
 *                       surface level (dark ink) or of the headroom above it (light ink), in
 *                       the colour channel where it differs most
 * @param minHeight      smallest candidate height at level 0, in level pixels
 * @param maxHeight      tallest candidate, as a fraction of a level's height
 * @param cutAspect      ink wider than this (width/height) may be digits touching: it is also
 *                       offered cut into pieces, where the fewest ink columns are
 * @param maxAspect      widest ink considered at all (about six digits touching)
 * @param maxCandidates  at most this many go to the verifier per frame, the largest contrast first
 */
public record ProposalSettings(int workingHeight, int levels, int strokeKernel, double minContrast,
                               int minHeight, double maxHeight, double cutAspect, double maxAspect,
                               int maxCandidates) {
    public static final ProposalSettings DEFAULT = new ProposalSettings(360, 3, 11, 0.14, 5, 0.92, 0.9, 5.0, 160);
}
