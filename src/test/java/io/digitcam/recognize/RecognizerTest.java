package io.digitcam.recognize;

import static io.digitcam.recognize.NumberReaderTest.digit;
import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.vision.Box;
import io.digitcam.vision.Polarity;
import io.digitcam.vision.Region;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecognizerTest {
    private final NumberReader reader = new NumberReader(RecognitionSettings.DEFAULT.lineOverlap(),
            RecognitionSettings.DEFAULT.numberGap());

    @Test
    void aDoubtfulBarCountsInsideANumber() {
        RecognizedDigit five = digit(5, 100, 100, 30, 50);
        RecognizedDigit one = digit(1, 140, 100, 10, 50);
        RecognizedDigit eight = digit(8, 160, 100, 30, 50);
        Map<Box, Region> regions = regions(Polarity.DARK_ON_LIGHT, five, eight);
        regions.put(one.box(), doubted(one, Polarity.DARK_ON_LIGHT));
        assertThat(Recognizer.withoutLoneDoubtfulBars(List.of(five, one, eight), regions, reader))
                .containsExactly(five, one, eight);
    }

    @Test
    void aDoubtfulBarAloneOrBesideOnlyOtherDoubtfulBarsIsDropped() {
        RecognizedDigit pen = digit(1, 600, 100, 10, 60);
        RecognizedDigit spine = digit(1, 620, 100, 10, 60);
        RecognizedDigit farDigit = digit(4, 100, 100, 30, 50);
        Map<Box, Region> regions = regions(Polarity.DARK_ON_LIGHT, farDigit);
        regions.put(pen.box(), doubted(pen, Polarity.DARK_ON_LIGHT));
        regions.put(spine.box(), doubted(spine, Polarity.DARK_ON_LIGHT));
        assertThat(Recognizer.withoutLoneDoubtfulBars(List.of(farDigit, pen, spine), regions, reader))
                .containsExactly(farDigit);
    }

    @Test
    void aDoubtfulBarBesideADigitInTheOtherInkIsDropped() {
        // A dark book spine beside a light one is not a "1" in a number: a number has one ink.
        RecognizedDigit darkSpine = digit(1, 140, 100, 10, 50);
        RecognizedDigit lightSpine = digit(1, 160, 100, 10, 50);
        Map<Box, Region> regions = regions(Polarity.LIGHT_ON_DARK, lightSpine);
        regions.put(darkSpine.box(), doubted(darkSpine, Polarity.DARK_ON_LIGHT));
        assertThat(Recognizer.withoutLoneDoubtfulBars(List.of(darkSpine, lightSpine), regions, reader))
                .containsExactly(lightSpine);
    }

    @Test
    void withNothingDoubtfulEveryDigitStays() {
        List<RecognizedDigit> digits = List.of(digit(1, 600, 100, 10, 60), digit(7, 100, 100, 30, 50));
        assertThat(Recognizer.withoutLoneDoubtfulBars(digits, regions(Polarity.DARK_ON_LIGHT,
                digits.toArray(RecognizedDigit[]::new)), reader)).isEqualTo(digits);
    }

    @Test
    void aOneThatMayNotStandAloneIsDroppedOnlyWhenItIsANumberOnItsOwn() {
        RecognizedDigit string = digit(1, 600, 100, 10, 60);
        RecognizedDigit five = digit(5, 100, 100, 30, 50);
        RecognizedDigit oneOf51 = digit(1, 140, 100, 10, 50);
        assertThat(Recognizer.withoutDoubtfulLoneOnes(List.of(five, oneOf51, string), d -> false, reader))
                .containsExactly(five, oneOf51);
    }

    @Test
    void onlyOnesAreHeldToStandingAlone() {
        RecognizedDigit seven = digit(7, 100, 100, 30, 50);
        RecognizedDigit one = digit(1, 600, 100, 10, 60);
        assertThat(Recognizer.withoutDoubtfulLoneOnes(List.of(seven, one), d -> d == one, reader))
                .containsExactly(seven, one);
        assertThat(Recognizer.withoutDoubtfulLoneOnes(List.of(seven, one), d -> false, reader))
                .containsExactly(seven);
    }

    private static Map<Box, Region> regions(Polarity polarity, RecognizedDigit... digits) {
        return Arrays.stream(digits).collect(Collectors.toMap(RecognizedDigit::box,
                d -> new Region(d.box(), polarity), (a, b) -> a, java.util.HashMap::new));
    }

    private static Region doubted(RecognizedDigit d, Polarity polarity) {
        return new Region(d.box(), polarity, true);
    }
}
