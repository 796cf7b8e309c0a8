package io.digitcam.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.recognize.Recognition;
import io.digitcam.recognize.RecognizedDigit;
import io.digitcam.synth.Condition;
import io.digitcam.synth.SynthDigit;
import io.digitcam.synth.SynthScene;
import io.digitcam.vision.Box;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadingScoreTest {
    private static final Condition PENCIL = Condition.parse("ink:pencil");
    private static final Condition MARKER = Condition.parse("ink:marker");
    private static final Condition EMPTY = Condition.parse("clutter:empty");

    private static SynthScene scene(List<SynthDigit> digits, List<String> numbers, Set<Condition> conditions) {
        return new SynthScene(new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR), digits, numbers, conditions);
    }

    private static RecognizedDigit read(int label, Box box) {
        return new RecognizedDigit(label, 0.9, 0, 0.05, box);
    }

    @Test
    void countsDigitsNumbersAndStraysPerCondition() {
        SynthDigit four = new SynthDigit(4, new Box(100, 100, 20, 30), Set.of(PENCIL));
        SynthDigit two = new SynthDigit(2, new Box(125, 100, 20, 30), Set.of(PENCIL));
        SynthDigit nine = new SynthDigit(9, new Box(300, 100, 20, 30), Set.of(MARKER));
        SynthScene written = scene(List.of(four, two, nine), List.of("42", "9"), Set.of());
        // The 4 read, the 2 misread as 7, the 9 read; one stray digit far from all.
        Recognition r = new Recognition(640, 480, List.of(read(4, new Box(101, 100, 20, 30)),
                read(7, new Box(125, 101, 20, 29)), read(9, new Box(300, 100, 21, 30)),
                read(1, new Box(500, 400, 5, 30))), List.of("47", "9", "1"), 5);
        ReadingScore score = new ReadingScore();
        score.add(written, r, List.of(four.box(), two.box(), nine.box()), List.of(four.box(), two.box()));
        score.add(scene(List.of(), List.of(), Set.of(EMPTY)),
                new Recognition(640, 480, List.of(read(1, new Box(10, 10, 4, 20))), List.of("1"), 3), null, null);

        ReadingScore.Tally all = score.all();
        assertThat(all.digits).isEqualTo(3);
        assertThat(all.read).isEqualTo(2);
        assertThat(all.proposed).isEqualTo(3);
        assertThat(all.accepted).isEqualTo(2);
        assertThat(all.misread).as("the 2 read as 7").isEqualTo(1);
        assertThat(all.numbers).isEqualTo(2);
        assertThat(all.numbersExact).isEqualTo(1);
        assertThat(all.falseBeside).isEqualTo(1);
        assertThat(all.falsePerEmpty()).isEqualTo(1.0);
        ReadingScore.Tally pencil = score.byCondition().get("ink:pencil");
        assertThat(pencil.digits).isEqualTo(2);
        assertThat(pencil.read).isEqualTo(1);
        assertThat(pencil.misread).isEqualTo(1);
        assertThat(score.byCondition().get("ink:marker").read).isEqualTo(1);
        assertThat(score.byCondition().get("size:medium").digits).isEqualTo(3);
        assertThat(score.byCondition().get("clutter:empty").emptyFrames).isEqualTo(1);
    }

    @Test
    void sizeClassesFollowTheShareOfTheFrameHeight() {
        assertThat(ReadingScore.sizeClass(20, 720)).isEqualTo("small");
        assertThat(ReadingScore.sizeClass(100, 720)).isEqualTo("medium");
        assertThat(ReadingScore.sizeClass(300, 720)).isEqualTo("close");
        assertThat(ReadingScore.sizeClass(500, 720)).isEqualTo("very-close");
    }
}
