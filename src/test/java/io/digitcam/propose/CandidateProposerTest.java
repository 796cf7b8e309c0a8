package io.digitcam.propose;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.synth.SceneImages;
import io.digitcam.train.VerifierSamples;
import io.digitcam.vision.Box;
import io.digitcam.vision.Polarity;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class CandidateProposerTest {
    private final CandidateProposer proposer = new CandidateProposer(ProposalSettings.DEFAULT);

    /** A "7" of two strokes in {@code box}, drawn {@code width} px wide. */
    private static void seven(Graphics2D g, Box box, float width) {
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(box.x(), box.y(), box.right(), box.y());
        g.drawLine(box.right(), box.y(), box.x() + box.width() / 3, box.bottom());
    }

    private static BufferedImage page(Color surface) {
        BufferedImage image = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(surface);
        g.fillRect(0, 0, 1280, 720);
        g.dispose();
        return image;
    }

    private List<Candidate> propose(BufferedImage image) {
        try (Mat frame = SceneImages.toMat(image); Proposals p = proposer.propose(frame)) {
            return p.candidates();
        }
    }

    private static Graphics2D pen(BufferedImage image, Color ink) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(ink);
        return g;
    }

    private static boolean found(List<Candidate> candidates, Box truth, Polarity polarity) {
        return candidates.stream().anyMatch(c -> c.polarity() == polarity && VerifierSamples.iou(c.box(), truth) >= 0.5);
    }

    @Test
    void aThinBallpointDigitOnPaperIsProposedDarkOnLight() {
        BufferedImage image = page(new Color(240, 240, 235));
        Graphics2D g = pen(image, new Color(30, 40, 140));
        Box digit = new Box(300, 200, 40, 60);
        seven(g, digit, 2f);
        g.dispose();
        assertThat(found(propose(image), new Box(299, 199, 42, 62), Polarity.DARK_ON_LIGHT)).isTrue();
    }

    @Test
    void redInkOnAPinkNoteIsSeenInTheChannelWhereItDiffersMost() {
        // In grey, this red and this pink differ by about 30 levels; in the green channel by 150.
        BufferedImage image = page(new Color(250, 190, 200));
        Graphics2D g = pen(image, new Color(200, 40, 50));
        seven(g, new Box(500, 300, 50, 80), 4f);
        g.dispose();
        assertThat(found(propose(image), new Box(498, 298, 54, 84), Polarity.DARK_ON_LIGHT)).isTrue();
    }

    @Test
    void chalkOnABoardIsProposedLightOnDark() {
        BufferedImage image = page(new Color(35, 70, 50));
        Graphics2D g = pen(image, new Color(225, 230, 220));
        seven(g, new Box(600, 150, 60, 90), 6f);
        g.dispose();
        assertThat(found(propose(image), new Box(597, 147, 66, 96), Polarity.LIGHT_ON_DARK)).isTrue();
    }

    @Test
    void aMarkerDigitFillingMostOfTheFrameIsProposedAtACoarseLevel() {
        BufferedImage image = page(new Color(245, 245, 245));
        Graphics2D g = pen(image, new Color(20, 20, 20));
        seven(g, new Box(400, 60, 380, 560), 70f);
        g.dispose();
        List<Candidate> candidates = propose(image);
        assertThat(candidates).anyMatch(c -> c.level() > 0
                && VerifierSamples.iou(c.box(), new Box(365, 25, 450, 630)) >= 0.5);
    }

    @Test
    void touchingDigitsAreOfferedWholeAndCut() {
        BufferedImage image = page(new Color(240, 240, 240));
        Graphics2D g = pen(image, new Color(20, 20, 20));
        g.setStroke(new BasicStroke(5f));
        // "00" drawn as two touching rings.
        g.drawOval(300, 300, 60, 100);
        g.drawOval(358, 300, 60, 100);
        g.dispose();
        List<Candidate> candidates = propose(image);
        assertThat(found(candidates, new Box(297, 297, 66, 106), Polarity.DARK_ON_LIGHT)).isTrue();
        assertThat(found(candidates, new Box(355, 297, 66, 106), Polarity.DARK_ON_LIGHT)).isTrue();
        assertThat(found(candidates, new Box(297, 297, 124, 106), Polarity.DARK_ON_LIGHT)).isTrue();
    }

    @Test
    void aBlankSheetProposesNothing() {
        assertThat(propose(page(new Color(230, 228, 220)))).isEmpty();
    }
}
