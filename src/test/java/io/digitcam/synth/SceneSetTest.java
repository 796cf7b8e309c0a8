package io.digitcam.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.vision.Box;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneSetTest {
    @Test
    void aWrittenSetReadsBackWithItsTruth(@TempDir Path dir) throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        image.getGraphics().setColor(Color.WHITE);
        image.getGraphics().fillRect(0, 0, 64, 48);
        SynthDigit digit = new SynthDigit(3, new Box(4, 5, 6, 7),
                Set.of(Condition.parse("ink:pencil"), Condition.parse("polarity:dark-on-light")));
        SynthScene scene = new SynthScene(image, List.of(digit), List.of("3"), Set.of(Condition.parse("light:tungsten")));

        SceneSet.write(dir, List.of(scene));
        List<SynthScene> back = SceneSet.read(dir);

        assertThat(back).hasSize(1);
        assertThat(back.get(0).digits()).containsExactly(digit);
        assertThat(back.get(0).numbers()).containsExactly("3");
        assertThat(back.get(0).conditions()).containsExactly(Condition.parse("light:tungsten"));
        assertThat(back.get(0).image().getWidth()).isEqualTo(64);
    }

    @Test
    void conditionsParseAndPrintAsFamilyColonValue() {
        assertThat(Condition.parse("INK:ballpoint-red")).isEqualTo(Condition.of(Condition.Family.INK, "ballpoint-red"));
        assertThat(Condition.parse("surface:sticky").toString()).isEqualTo("surface:sticky");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Condition.parse("pencil"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Condition.parse("pen:blue"))
                .hasMessageContaining("unknown condition family");
    }
}
