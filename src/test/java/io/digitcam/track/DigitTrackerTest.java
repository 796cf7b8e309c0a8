package io.digitcam.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.recognize.NumberReader;
import io.digitcam.recognize.Recognition;
import io.digitcam.recognize.RecognizedDigit;
import io.digitcam.vision.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigitTrackerTest {
    private static final long MS = 1_000_000L;
    private final DigitTracker tracker = new DigitTracker(TrackerSettings.DEFAULT, new NumberReader(0.5, 0.8));

    private static Recognition frame(int... labelsAndX) {
        return frame(0.9, labelsAndX);
    }

    private static Recognition frame(double confidence, int... labelsAndX) {
        List<RecognizedDigit> digits = new ArrayList<>();
        for (int i = 0; i < labelsAndX.length; i += 2) {
            digits.add(new RecognizedDigit(labelsAndX[i], confidence, 0, 0.05, new Box(labelsAndX[i + 1], 100, 40, 60)));
        }
        return new Recognition(640, 480, digits, List.of(), 1);
    }

    @Test
    void aDigitIsShownFromItsSecondSightingWithAStableId() {
        assertThat(tracker.update(frame(5, 100), 0).digits()).isEmpty();
        Tracking second = tracker.update(frame(5, 104), 33 * MS);
        assertThat(second.digits()).singleElement().satisfies(d -> {
            assertThat(d.label()).isEqualTo(5);
            assertThat(d.box().x()).isEqualTo(104);
        });
        int id = second.digits().get(0).id();
        assertThat(tracker.update(frame(5, 108), 66 * MS).digits().get(0).id()).isEqualTo(id);
    }

    @Test
    void aOneFrameFlipDoesNotChangeTheShownLabel() {
        for (int i = 0; i < 5; i++) {
            tracker.update(frame(4, 100, 2, 150), i * 33 * MS);
        }
        Tracking flipped = tracker.update(frame(9, 100, 2, 150), 200 * MS);
        assertThat(flipped.numbers()).containsExactly("42");
        assertThat(flipped.digits()).extracting(TrackedDigit::label).containsExactly(4, 2);
    }

    @Test
    void aNewDigitInTheSamePlaceShowsItsOwnLabelFromItsSecondConfidentSighting() {
        for (int i = 0; i < 8; i++) {
            tracker.update(frame(0.99, 6, 100, 8, 150), i * 33 * MS);
        }
        // The sheet is swapped: "93" where "68" was.
        Tracking first = tracker.update(frame(0.99, 9, 100, 3, 150), 264 * MS);
        assertThat(first.numbers()).containsExactly("68");
        Tracking second = tracker.update(frame(0.99, 9, 100, 3, 150), 297 * MS);
        assertThat(second.numbers()).containsExactly("93");
        assertThat(tracker.update(frame(0.99, 9, 100, 3, 150), 330 * MS).numbers()).containsExactly("93");
    }

    @Test
    void aDigitWaveringBetweenTwoConfidentLabelsKeepsItsVote() {
        for (int i = 0; i < 6; i++) {
            tracker.update(frame(0.95, 4, 100), i * 33 * MS);
        }
        for (int i = 6; i < 14; i++) {
            Tracking t = tracker.update(frame(0.95, i % 2 == 0 ? 9 : 4, 100), i * 33 * MS);
            assertThat(t.digits()).extracting(TrackedDigit::label).containsExactly(4);
        }
    }

    @Test
    void unsureSightingsDoNotTakeOver() {
        for (int i = 0; i < 8; i++) {
            tracker.update(frame(0.99, 4, 100), i * 33 * MS);
        }
        tracker.update(frame(0.7, 9, 100), 264 * MS);
        assertThat(tracker.update(frame(0.7, 9, 100), 297 * MS).digits()).extracting(TrackedDigit::label)
                .containsExactly(4);
    }

    @Test
    void aMissedFrameKeepsTheTrackAndAGoneDigitExpires() {
        tracker.update(frame(7, 100), 0);
        int id = tracker.update(frame(7, 100), 33 * MS).digits().get(0).id();
        assertThat(tracker.update(frame(), 66 * MS).digits()).isEmpty();
        assertThat(tracker.update(frame(7, 102), 99 * MS).digits().get(0).id()).isEqualTo(id);
        for (int i = 0; i < TrackerSettings.DEFAULT.maxMissed() + 1; i++) {
            tracker.update(frame(), (132 + i * 33) * MS);
        }
        tracker.update(frame(7, 102), 400 * MS);
        assertThat(tracker.update(frame(7, 102), 433 * MS).digits().get(0).id()).isNotEqualTo(id);
    }

    @Test
    void aNumberIsReadOnlyAfterItHeldStill() {
        long t = 0;
        Tracking last = null;
        for (; t <= 500 * MS; t += 50 * MS) {
            last = tracker.update(frame(5, 100, 2, 150, 8, 200, 3, 250), t);
        }
        assertThat(last.numbers()).containsExactly("5283");
        assertThat(last.read()).isEmpty();
        for (; t <= 800 * MS; t += 50 * MS) {
            last = tracker.update(frame(5, 100, 2, 150, 8, 200, 3, 250), t);
        }
        assertThat(last.read()).containsExactly("5283");
        last = tracker.update(frame(5, 100, 2, 150, 8, 200), t);
        assertThat(last.read()).isEmpty();
    }

    @Test
    void resetForgetsEverything() {
        tracker.update(frame(1, 100), 0);
        tracker.update(frame(1, 100), 33 * MS);
        tracker.reset();
        assertThat(tracker.update(frame(1, 100), 66 * MS).digits()).isEmpty();
    }
}
