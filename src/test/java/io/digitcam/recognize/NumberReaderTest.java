package io.digitcam.recognize;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.vision.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberReaderTest {
    private final NumberReader reader = new NumberReader(RecognitionSettings.DEFAULT.lineOverlap(),
            RecognitionSettings.DEFAULT.numberGap());

    static RecognizedDigit digit(int label, int x, int y, int w, int h) {
        return new RecognizedDigit(label, 0.99, (label + 1) % 10, 0.01, new Box(x, y, w, h));
    }

    @Test
    void readsALineLeftToRightWhateverTheOrderFound() {
        NumberReader.Reading r = reader.read(List.of(digit(8, 200, 100, 30, 50), digit(5, 100, 102, 30, 50),
                digit(3, 250, 98, 30, 50), digit(2, 150, 101, 30, 50)));
        assertThat(r.numbers()).containsExactly("5283");
        assertThat(r.ordered()).extracting(RecognizedDigit::label).containsExactly(5, 2, 8, 3);
    }

    @Test
    void linesAreReadTopToBottomAndAWideGapStartsANewNumber() {
        NumberReader.Reading r = reader.read(List.of(
                digit(7, 100, 300, 30, 50), digit(4, 140, 305, 30, 50),
                digit(1, 100, 100, 20, 50), digit(9, 130, 100, 30, 50), digit(6, 400, 100, 30, 50)));
        assertThat(r.numbers()).containsExactly("19", "6", "74");
    }

    @Test
    void aSlightlySlantedLineStaysOneLine() {
        // ±15° of rotation moves each digit's top by a good part of its height along a line.
        NumberReader.Reading r = reader.read(List.of(digit(1, 100, 100, 30, 50), digit(2, 140, 112, 30, 50),
                digit(3, 180, 124, 30, 50)));
        assertThat(r.numbers()).containsExactly("123");
    }

    @Test
    void sameNumberNeedsOneLineSimilarHeightAndASmallGap() {
        Box a = new Box(100, 100, 30, 50);
        assertThat(reader.sameNumber(a, new Box(140, 102, 30, 50))).isTrue();
        assertThat(reader.sameNumber(a, new Box(140, 200, 30, 50))).as("another line").isFalse();
        assertThat(reader.sameNumber(a, new Box(140, 110, 10, 15))).as("a speck beside it").isFalse();
        assertThat(reader.sameNumber(a, new Box(400, 100, 30, 50))).as("another number").isFalse();
    }
}
