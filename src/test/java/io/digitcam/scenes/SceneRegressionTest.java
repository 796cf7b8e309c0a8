package io.digitcam.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitcam.model.DigitClassifier;
import io.digitcam.recognize.RecognitionSettings;
import io.digitcam.recognize.Recognizer;
import io.digitcam.source.ImageFiles;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed webcam-like scenes (24 frames from {@link SceneFixtures}, seed 424242) read with
 * the shipped model. The floors are today's level, so a change that makes reading worse fails;
 * the targets (97% digits, 90% numbers, 0.05 false digits per empty frame) are higher.
 */
class SceneRegressionTest {
    static final Path DIR = Path.of("src/test/resources/scenes");
    // Session 4 regenerated the scenes with the fixed generator (session 3's set still counted
    // digits written off the edge of the sheet, such as scene-01's "401", which no reader can
    // see). Today: 89.8% digits (53/59), 81.5% numbers (22/27), no false digit in the 6 empty
    // frames and none beside the digits (session 7's lone-"1" test dropped scene-03's light book
    // spine; the 1,000-scene benchmark finds 0.11 per empty frame). Raise these as reading improves.
    static final double FLOOR_DIGITS = 0.89;
    static final double FLOOR_NUMBERS = 0.81;
    static final double CEILING_FALSE_PER_EMPTY = 0.0;
    static SceneScore score;

    @BeforeAll
    static void readAll() throws IOException {
        List<SceneFixtures.Truth> truth = new ObjectMapper().readValue(DIR.resolve("truth.json").toFile(),
                new TypeReference<>() { });
        Recognizer recognizer = Recognizer.create(DigitClassifier.load(Path.of("models/digitcam-cnn.zip")),
                RecognitionSettings.DEFAULT);
        score = new SceneScore();
        for (SceneFixtures.Truth t : truth) {
            List<Scene.Digit> digits = new ArrayList<>();
            for (int i = 0; i < t.labels().size(); i++) {
                int[] b = t.boxes().get(i);
                digits.add(new Scene.Digit(t.labels().get(i), new Rectangle(b[0], b[1], b[2], b[3])));
            }
            try (Mat image = ImageFiles.read(DIR.resolve(t.file()))) {
                score.add(new Scene(null, t.kind(), digits, t.numbers()), recognizer.recognize(image));
            }
        }
        System.out.println("Regression scenes: " + score.summary());
    }

    @Test
    void readsAtLeastTodaysShareOfDigits() {
        assertThat(score.truthDigits).isGreaterThan(40);
        assertThat(score.digitAccuracy()).isGreaterThanOrEqualTo(FLOOR_DIGITS);
    }

    @Test
    void readsAtLeastTodaysShareOfNumbers() {
        assertThat(score.numberAccuracy()).isGreaterThanOrEqualTo(FLOOR_NUMBERS);
    }

    @Test
    void findsNoMoreFalseDigitsOnEmptyFramesThanToday() {
        assertThat(score.emptyFrames).isEqualTo(6);
        assertThat(score.falsePerEmptyFrame()).isLessThanOrEqualTo(CEILING_FALSE_PER_EMPTY);
    }
}
