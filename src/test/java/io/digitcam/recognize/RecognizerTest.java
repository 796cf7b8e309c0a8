package io.digitcam.recognize;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.model.DigitPrediction;
import io.digitcam.propose.Candidate;
import io.digitcam.verify.Verified;
import io.digitcam.vision.Box;
import io.digitcam.vision.Polarity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecognizerTest {
    private static Recognizer.Reading reading(Box box, double digit, double confidence) {
        return new Recognizer.Reading(new Verified(new Candidate(box, Polarity.DARK_ON_LIGHT, 0, box, 0.5), digit),
                new byte[0], box, new DigitPrediction(3, confidence, 5, 0.01), confidence);
    }

    @Test
    void aFragmentGivesWayToTheWholeDigitItIsPartOf() {
        Recognizer.Reading whole = reading(new Box(100, 100, 40, 60), 0.95, 0.99);
        Recognizer.Reading top = reading(new Box(100, 100, 40, 25), 0.6, 0.9);
        assertThat(Recognizer.onePerPlace(List.of(top, whole))).containsExactly(whole);
    }

    @Test
    void aBoxRoundTwoDigitsGivesWayToTheSurerDigitsInIt() {
        Recognizer.Reading pair = reading(new Box(100, 100, 80, 60), 0.55, 0.7);
        Recognizer.Reading left = reading(new Box(100, 100, 38, 60), 0.97, 0.99);
        Recognizer.Reading right = reading(new Box(142, 100, 38, 60), 0.96, 0.98);
        assertThat(Recognizer.onePerPlace(List.of(pair, left, right))).containsExactly(left, right);
    }

    @Test
    void digitsSideBySideAllStay() {
        Recognizer.Reading a = reading(new Box(100, 100, 30, 60), 0.9, 0.9);
        Recognizer.Reading b = reading(new Box(135, 100, 30, 60), 0.8, 0.9);
        assertThat(Recognizer.onePerPlace(List.of(a, b))).containsExactlyInAnyOrder(a, b);
    }
}
