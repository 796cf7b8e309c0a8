package io.digitcam.vision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoxTest {
    @Test
    void theOverlapOfTwoBoxesAndItsArea() {
        Box a = new Box(10, 20, 30, 40);
        Box b = new Box(30, 50, 30, 30);
        assertThat(a.overlap(b)).isEqualTo(new Box(30, 50, 10, 10));
        assertThat(b.overlap(a)).isEqualTo(new Box(30, 50, 10, 10));
        assertThat(a.intersection(b)).isEqualTo(100);
        assertThat(a.overlap(a)).isEqualTo(a);
    }

    @Test
    void boxesThatOnlyTouchOrAreApartDoNotOverlap() {
        Box a = new Box(10, 20, 30, 40);
        assertThat(a.overlap(new Box(40, 20, 5, 5))).isNull();
        assertThat(a.overlap(new Box(100, 100, 5, 5))).isNull();
        assertThat(a.intersection(new Box(40, 20, 5, 5))).isZero();
    }
}
