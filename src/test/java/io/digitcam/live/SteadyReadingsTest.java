package io.digitcam.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.track.Tracking;
import java.util.List;
import org.junit.jupiter.api.Test;

class SteadyReadingsTest {
    private final SteadyReadings steady = new SteadyReadings();

    private static Tracking read(String... numbers) {
        return new Tracking(List.of(), List.of(numbers), List.of(numbers));
    }

    @Test
    void aReadingIsNewOnceAndNotWhileItStays() {
        assertThat(steady.isNew(read())).isFalse();
        assertThat(steady.isNew(read("5283"))).isTrue();
        assertThat(steady.isNew(read("5283"))).isFalse();
        assertThat(steady.isNew(read())).isFalse();
        assertThat(steady.isNew(read("5283"))).as("back after a blink").isFalse();
        assertThat(steady.isNew(read("1907"))).isTrue();
        assertThat(steady.isNew(read("5283"))).as("back after another number").isTrue();
    }

    @Test
    void aNumberDroppingOutAndComingBackIsNotNewButOneMoreIs() {
        assertThat(steady.isNew(read("108"))).isTrue();
        assertThat(steady.isNew(read("108", "153"))).isTrue();
        assertThat(steady.isNew(read("108"))).isFalse();
        assertThat(steady.isNew(read("153"))).isFalse();
        assertThat(steady.isNew(read("108", "153"))).isFalse();
        assertThat(steady.isNew(read("108", "15"))).as("a different number").isTrue();
    }

    @Test
    void theSameNumberTwiceCountsTwice() {
        assertThat(steady.isNew(read("7"))).isTrue();
        assertThat(steady.isNew(read("7", "7"))).isTrue();
        assertThat(steady.isNew(read("7"))).isFalse();
    }

    @Test
    void onlyReadNumbersCount() {
        assertThat(steady.isNew(new Tracking(List.of(), List.of("42"), List.of()))).isFalse();
    }
}
