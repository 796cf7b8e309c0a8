package io.digitcam.recognize;

import static io.digitcam.recognize.NumberReaderTest.digit;
import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.model.DigitPrediction;
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
    private static final double ALONE = RecognitionSettings.DEFAULT.doubtedAlone();

    @Test
    void aDoubtfulBarCountsInsideANumber() {
        RecognizedDigit five = digit(5, 100, 100, 30, 50);
        RecognizedDigit one = digit(1, 140, 100, 10, 50);
        RecognizedDigit eight = digit(8, 160, 100, 30, 50);
        Map<Box, Region> regions = regions(Polarity.DARK_ON_LIGHT, five, eight);
        regions.put(one.box(), doubted(one, Polarity.DARK_ON_LIGHT));
        assertThat(Recognizer.withoutLoneDoubtedRegions(List.of(five, one, eight), regions, reader, ALONE))
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
        assertThat(Recognizer.withoutLoneDoubtedRegions(List.of(farDigit, pen, spine), regions, reader, ALONE))
                .containsExactly(farDigit);
    }

    @Test
    void aDoubtfulBarBesideADigitInTheOtherInkIsDropped() {
        // A dark book spine beside a light one is not a "1" in a number: a number has one ink.
        RecognizedDigit darkSpine = digit(1, 140, 100, 10, 50);
        RecognizedDigit lightSpine = digit(1, 160, 100, 10, 50);
        Map<Box, Region> regions = regions(Polarity.LIGHT_ON_DARK, lightSpine);
        regions.put(darkSpine.box(), doubted(darkSpine, Polarity.DARK_ON_LIGHT));
        assertThat(Recognizer.withoutLoneDoubtedRegions(List.of(darkSpine, lightSpine), regions, reader, ALONE))
                .containsExactly(lightSpine);
    }

    @Test
    void aDoubtedDigitReadSurelyEnoughStandsAloneButABarDoesNot() {
        // A large "6" held close to the camera: the room beyond the sheet on two sides.
        RecognizedDigit six = new RecognizedDigit(6, 0.999, 5, 0.001, new Box(100, 100, 150, 200));
        RecognizedDigit unsureThree = new RecognizedDigit(3, 0.98, 5, 0.01, new Box(400, 100, 150, 200));
        RecognizedDigit pen = new RecognizedDigit(1, 1.0, 7, 0.0, new Box(700, 100, 10, 200));
        Map<Box, Region> regions = regions(Polarity.DARK_ON_LIGHT);
        for (RecognizedDigit d : List.of(six, unsureThree, pen)) {
            regions.put(d.box(), doubted(d, Polarity.DARK_ON_LIGHT));
        }
        assertThat(Recognizer.withoutLoneDoubtedRegions(List.of(six, unsureThree, pen), regions, reader, ALONE))
                .containsExactly(six);
    }

    @Test
    void withNothingDoubtfulEveryDigitStays() {
        List<RecognizedDigit> digits = List.of(digit(1, 600, 100, 10, 60), digit(7, 100, 100, 30, 50));
        assertThat(Recognizer.withoutLoneDoubtedRegions(digits, regions(Polarity.DARK_ON_LIGHT,
                digits.toArray(RecognizedDigit[]::new)), reader, ALONE)).isEqualTo(digits);
    }

    @Test
    void aOneThatMayNotStandAloneIsDroppedOnlyWhenItIsANumberOnItsOwn() {
        RecognizedDigit string = digit(1, 600, 100, 10, 60);
        RecognizedDigit five = digit(5, 100, 100, 30, 50);
        RecognizedDigit oneOf51 = digit(1, 140, 100, 10, 50);
        assertThat(Recognizer.withoutDoubtfulLoneOnes(List.of(five, oneOf51, string), (d, others) -> false, reader))
                .containsExactly(five, oneOf51);
    }

    @Test
    void onlyOnesAreHeldToStandingAlone() {
        RecognizedDigit seven = digit(7, 100, 100, 30, 50);
        RecognizedDigit one = digit(1, 600, 100, 10, 60);
        assertThat(Recognizer.withoutDoubtfulLoneOnes(List.of(seven, one), (d, others) -> d == one, reader))
                .containsExactly(seven, one);
        assertThat(Recognizer.withoutDoubtfulLoneOnes(List.of(seven, one), (d, others) -> false, reader))
                .containsExactly(seven);
    }

    @Test
    void onesOfANumberOfOnesOnlyAreEachHeldToStandingAloneWithoutTheOthers() {
        RecognizedDigit first = digit(1, 100, 100, 10, 50);
        RecognizedDigit second = digit(1, 125, 100, 10, 50);
        assertThat(Recognizer.withoutDoubtfulLoneOnes(List.of(first, second), (d, others) -> false, reader)).isEmpty();
        assertThat(Recognizer.withoutDoubtfulLoneOnes(List.of(first, second),
                (d, others) -> others.equals(List.of(d == first ? second.box() : first.box())), reader))
                .containsExactly(first, second);
    }

    @Test
    void aSerifOneTheModelCallsClutterIsReadBesideDigitsOfItsNumber() {
        RecognizedDigit eight = digit(8, 100, 100, 30, 50);
        Region serifOne = new Region(new Box(140, 100, 20, 50), Polarity.DARK_ON_LIGHT);
        DigitPrediction notADigitMostly = new DigitPrediction(1, 0.09, 7, 0.002, 0.905);
        List<RecognizedDigit> read = beside(List.of(eight), serifOne, notADigitMostly);
        assertThat(read).hasSize(2);
        RecognizedDigit one = read.get(1);
        assertThat(one.label()).isEqualTo(1);
        assertThat(one.box()).isEqualTo(serifOne.box());
        // Its confidence leaves the "not a digit" share out: 0.09 of the 0.095 given to digits.
        assertThat(one.confidence()).isCloseTo(0.947, org.assertj.core.data.Offset.offset(0.001));
        assertThat(one.runnerUp()).isEqualTo(7);
    }

    @Test
    void aRegionReadBesideDigitsVouchesForTheNextOne() {
        // "812" with only the "2" sure: the "1" stands beside it, the "8" only beside the "1".
        RecognizedDigit two = digit(2, 140, 100, 30, 50);
        Region one = new Region(new Box(110, 100, 10, 50), Polarity.DARK_ON_LIGHT);
        Region eight = new Region(new Box(60, 100, 30, 50), Polarity.DARK_ON_LIGHT);
        assertThat(reader.sameNumber(eight.box(), two.box())).isFalse();
        Map<Box, Region> byBox = regions(Polarity.DARK_ON_LIGHT, two);
        byBox.put(one.box(), one);
        byBox.put(eight.box(), eight);
        List<RecognizedDigit> read = Recognizer.withDigitsBesideRead(List.of(two),
                List.of(new DigitPrediction(8, 0.016, 3, 0.001, 0.983), new DigitPrediction(1, 0.09, 7, 0.002, 0.905)),
                List.of(eight, one), byBox, 0.6, 0.9, reader);
        assertThat(read).extracting(RecognizedDigit::label).containsExactlyInAnyOrder(2, 1, 8);
    }

    @Test
    void aRegionTheModelCallsClutterStaysOutAloneInAnotherInkOrAnotherNumber() {
        DigitPrediction notADigitMostly = new DigitPrediction(1, 0.09, 7, 0.002, 0.905);
        Region one = new Region(new Box(140, 100, 20, 50), Polarity.DARK_ON_LIGHT);
        Region lightOne = new Region(one.box(), Polarity.LIGHT_ON_DARK);
        RecognizedDigit farEight = digit(8, 500, 100, 30, 50);
        RecognizedDigit eight = digit(8, 100, 100, 30, 50);
        assertThat(beside(List.of(), one, notADigitMostly)).isEmpty();
        assertThat(beside(List.of(farEight), one, notADigitMostly)).containsExactly(farEight);
        assertThat(beside(List.of(eight), lightOne, notADigitMostly)).containsExactly(eight);
    }

    @Test
    void besideDigitsTheModelMustStillBeSureWhichDigitItIs() {
        RecognizedDigit eight = digit(8, 100, 100, 30, 50);
        Region blob = new Region(new Box(140, 100, 30, 50), Polarity.DARK_ON_LIGHT);
        // Of the 0.5 given to digits, 0.3 to a 3 and 0.2 to a 5: 60%, below the 90% asked.
        DigitPrediction unsure = new DigitPrediction(3, 0.3, 5, 0.2, 0.5);
        assertThat(beside(List.of(eight), blob, unsure)).containsExactly(eight);
        // A digits-only model has no "not a digit" share to leave out: below the threshold is below.
        DigitPrediction digitsOnly = new DigitPrediction(3, 0.55, 5, 0.45);
        assertThat(beside(List.of(eight), blob, digitsOnly)).containsExactly(eight);
    }

    @Test
    void aDoubtfulBarNeedsADigitThatIsNotItselfADoubtfulBarToVouchForIt() {
        RecognizedDigit spineReadAsOne = digit(1, 100, 100, 10, 60);
        Region otherSpine = new Region(new Box(120, 100, 10, 60), Polarity.DARK_ON_LIGHT, true);
        DigitPrediction notADigitMostly = new DigitPrediction(1, 0.05, 7, 0.001, 0.949);
        Map<Box, Region> byBox = regions(Polarity.DARK_ON_LIGHT);
        byBox.put(spineReadAsOne.box(), doubted(spineReadAsOne, Polarity.DARK_ON_LIGHT));
        byBox.put(otherSpine.box(), otherSpine);
        assertThat(Recognizer.withDigitsBesideRead(List.of(spineReadAsOne), List.of(notADigitMostly),
                List.of(otherSpine), byBox, 0.6, 0.9, reader)).containsExactly(spineReadAsOne);
    }

    /** The read digits (dark ink) and one more region with its prediction, through withDigitsBesideRead. */
    private List<RecognizedDigit> beside(List<RecognizedDigit> read, Region region, DigitPrediction prediction) {
        Map<Box, Region> byBox = regions(Polarity.DARK_ON_LIGHT, read.toArray(RecognizedDigit[]::new));
        byBox.put(region.box(), region);
        return Recognizer.withDigitsBesideRead(read, List.of(prediction), List.of(region), byBox,
                RecognitionSettings.DEFAULT.minConfidence(), RecognitionSettings.DEFAULT.besideDigits(), reader);
    }

    private static Map<Box, Region> regions(Polarity polarity, RecognizedDigit... digits) {
        return Arrays.stream(digits).collect(Collectors.toMap(RecognizedDigit::box,
                d -> new Region(d.box(), polarity), (a, b) -> a, java.util.HashMap::new));
    }

    private static Region doubted(RecognizedDigit d, Polarity polarity) {
        return new Region(d.box(), polarity, true);
    }
}
