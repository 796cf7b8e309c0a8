package io.digitcam.synth.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import io.digitcam.synth.Condition;
import io.digitcam.synth.SynthDigit;
import io.digitcam.synth.SynthScene;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RasterScenesTest {
    static DigitSet set;

    @BeforeAll
    static void load() throws Exception {
        set = MnistData.test(Path.of("src/test/resources/mnist"));
    }

    @Test
    void sameIndexSameScene() {
        RasterScenes r = new RasterScenes(set, 3, Set.of());
        SynthScene a = r.render(5), b = r.render(5);
        assertThat(a.digits()).isEqualTo(b.digits());
        assertThat(((java.awt.image.DataBufferByte) a.image().getRaster().getDataBuffer()).getData())
                .isEqualTo(((java.awt.image.DataBufferByte) b.image().getRaster().getDataBuffer()).getData());
    }

    @Test
    void boxesInsideFrameAndTagged() {
        RasterScenes r = new RasterScenes(set, 4, Set.of());
        for (int i = 0; i < 8; i++) {
            SynthScene s = r.render(i);
            for (SynthDigit d : s.digits()) {
                assertThat(d.box().x()).isGreaterThanOrEqualTo(0);
                assertThat(d.box().right()).isLessThanOrEqualTo(s.image().getWidth());
                assertThat(d.box().bottom()).isLessThanOrEqualTo(s.image().getHeight());
                assertThat(d.box().height()).isGreaterThanOrEqualTo(10);
                assertThat(d.conditions()).hasSize(3);
            }
            assertThat(s.isEmpty()).isEqualTo(s.conditions().contains(Condition.parse("clutter:empty")));
        }
    }

    @Test
    void exclusionsHonoured() {
        Condition pencil = Condition.parse("ink:pencil");
        RasterScenes r = new RasterScenes(set, 5, Set.of(pencil));
        assertThat(r.conditions()).doesNotContain(pencil);
        for (int i = 0; i < 6; i++) {
            r.render(i).digits().forEach(d -> assertThat(d.conditions()).doesNotContain(pencil));
        }
        assertThatThrownBy(() -> new RasterScenes(set, 1, Set.of(Condition.parse("polarity:dark-on-light"), Condition.parse("polarity:light-on-dark"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
