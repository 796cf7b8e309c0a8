package io.digitcam.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.propose.Candidate;
import io.digitcam.synth.Condition;
import io.digitcam.synth.SynthDigit;
import io.digitcam.vision.Box;
import io.digitcam.vision.Polarity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifierSamplesTest {
    private static final SynthDigit CHALK_FIVE = new SynthDigit(5, new Box(100, 100, 40, 60),
            Set.of(Condition.parse("ink:chalk"), Condition.parse("polarity:light-on-dark")));

    private static Candidate at(Box box, Polarity polarity) {
        return new Candidate(box, polarity, 0, box, 0.5);
    }

    @Test
    void aCandidateOnADigitInItsPolarityIsADigit() {
        assertThat(VerifierSamples.label(at(new Box(102, 101, 38, 60), Polarity.LIGHT_ON_DARK), List.of(CHALK_FIVE)))
                .isEqualTo(1);
    }

    @Test
    void theSamePlaceInTheOtherPolarityIsNot() {
        assertThat(VerifierSamples.label(at(new Box(102, 101, 38, 60), Polarity.DARK_ON_LIGHT), List.of(CHALK_FIVE)))
                .isZero();
    }

    @Test
    void aFragmentIsLeftOutAndClutterIsNot() {
        // The top half of the five: IoU 0.5 with the digit's box is not reached, 0.3 is.
        assertThat(VerifierSamples.label(at(new Box(100, 100, 40, 24), Polarity.LIGHT_ON_DARK), List.of(CHALK_FIVE)))
                .isEqualTo(-1);
        assertThat(VerifierSamples.label(at(new Box(400, 300, 30, 50), Polarity.LIGHT_ON_DARK), List.of(CHALK_FIVE)))
                .isZero();
    }

    @Test
    void balancingRepeatsDigitsUntilTheyAreAboutAQuarter() {
        byte[] labels = new byte[40];
        labels[0] = 1;
        labels[1] = 1;
        int[] order = VerifierTraining.balanced(new VerifierSamples.Set(new byte[0], labels));
        long digits = java.util.Arrays.stream(order).filter(i -> labels[i] == 1).count();
        assertThat(order).hasSize(38 + 2 * 6);
        assertThat(digits).isEqualTo(12);
    }
}
