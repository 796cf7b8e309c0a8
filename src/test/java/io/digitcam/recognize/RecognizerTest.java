package io.digitcam.recognize;

import static io.digitcam.recognize.NumberReaderTest.digit;
import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.vision.Box;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecognizerTest {
    private final NumberReader reader = new NumberReader(RecognitionSettings.DEFAULT.lineOverlap(),
            RecognitionSettings.DEFAULT.numberGap());

    @Test
    void aDoubtfulBarCountsInsideANumber() {
        RecognizedDigit five = digit(5, 100, 100, 30, 50);
        RecognizedDigit one = digit(1, 140, 100, 10, 50);
        RecognizedDigit eight = digit(8, 160, 100, 30, 50);
        assertThat(Recognizer.withoutLoneDoubtfulBars(List.of(five, one, eight), Set.of(one.box()), reader))
                .containsExactly(five, one, eight);
    }

    @Test
    void aDoubtfulBarAloneOrBesideOnlyOtherDoubtfulBarsIsDropped() {
        RecognizedDigit pen = digit(1, 600, 100, 10, 60);
        RecognizedDigit spine = digit(1, 620, 100, 10, 60);
        RecognizedDigit farDigit = digit(4, 100, 100, 30, 50);
        assertThat(Recognizer.withoutLoneDoubtfulBars(List.of(farDigit, pen, spine), Set.of(pen.box(), spine.box()),
                reader)).containsExactly(farDigit);
    }

    @Test
    void withNothingDoubtfulEveryDigitStays() {
        List<RecognizedDigit> digits = List.of(digit(1, 600, 100, 10, 60), digit(7, 100, 100, 30, 50));
        assertThat(Recognizer.withoutLoneDoubtfulBars(digits, Set.<Box>of(), reader)).isEqualTo(digits);
    }
}
