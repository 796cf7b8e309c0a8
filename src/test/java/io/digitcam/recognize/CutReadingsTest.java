package io.digitcam.recognize;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.model.DigitPrediction;
import io.digitcam.vision.Box;
import io.digitcam.vision.Polarity;
import io.digitcam.vision.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

class CutReadingsTest {
    private static final Box WHOLE = new Box(100, 100, 80, 50);
    private static final Region LEFT = new Region(new Box(100, 100, 50, 50), Polarity.DARK_ON_LIGHT, false, WHOLE);
    private static final Region RIGHT = new Region(new Box(150, 100, 30, 50), Polarity.DARK_ON_LIGHT, false, WHOLE);
    private static final Region ALL = new Region(WHOLE, Polarity.DARK_ON_LIGHT, false, WHOLE);
    private static final Region OTHER = new Region(new Box(300, 100, 30, 50), Polarity.DARK_ON_LIGHT);

    @Test
    void aWideDigitReadSurelyWholeStandsOverAPieceReadDoubtfully() {
        // A "2" with a long foot: cut, the foot reads as a doubtful "1".
        boolean[] aside = CutReadings.setAside(List.of(LEFT, RIGHT, ALL, OTHER),
                List.of(sure(2, 0.99), sure(1, 0.7), sure(2, 0.98), sure(4, 0.5)), 0.6);
        assertThat(aside).containsExactly(true, true, false, false);
    }

    @Test
    void touchingDigitsReadAsPiecesWhenTheWholeReadsWorse() {
        boolean[] aside = CutReadings.setAside(List.of(ALL, LEFT, RIGHT),
                List.of(sure(8, 0.9), sure(5, 0.99), sure(3, 0.97)), 0.6);
        assertThat(aside).containsExactly(true, false, false);
    }

    @Test
    void aWholeBelowTheThresholdNeverStands() {
        boolean[] aside = CutReadings.setAside(List.of(LEFT, RIGHT, ALL),
                List.of(sure(5, 0.4), sure(3, 0.3), sure(8, 0.5)), 0.6);
        assertThat(aside).containsExactly(false, false, true);
    }

    @Test
    void regionsNotCutAndPiecesWhoseWholeWasRejectedStand() {
        boolean[] aside = CutReadings.setAside(List.of(LEFT, RIGHT, OTHER),
                List.of(sure(5, 0.99), sure(1, 0.2), sure(4, 0.9)), 0.6);
        assertThat(aside).containsExactly(false, false, false);
    }

    private static DigitPrediction sure(int label, double p) {
        return new DigitPrediction(label, p, (label + 1) % 10, (1 - p) / 2, (1 - p) / 2);
    }
}
