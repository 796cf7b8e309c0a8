package io.digitcam.synth.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import io.digitcam.synth.Condition;
import io.digitcam.synth.Renderers;
import io.digitcam.synth.SceneRenderer;
import io.digitcam.synth.SynthScene;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassicScenesTest {
    static DigitSet set;

    @BeforeAll
    static void load() throws Exception {
        set = MnistData.test(Path.of("src/test/resources/mnist"));
    }

    @Test
    void aSceneDependsOnItsIndexAloneNotOnWhatWasDrawnBefore() {
        SceneRenderer r = new ClassicScenes(set, 3, Set.of());
        SynthScene later = r.render(6);
        r.render(1);
        SynthScene again = new ClassicScenes(set, 3, Set.of()).render(6);
        assertThat(again.digits()).isEqualTo(later.digits());
        assertThat(pixels(again)).isEqualTo(pixels(later));
    }

    @Test
    void everyDigitIsTaggedWithItsInkAndPolarityAndEmptyFramesAreMarked() {
        SceneRenderer r = new ClassicScenes(set, 4, Set.of());
        boolean sawBoard = false;
        boolean sawEmpty = false;
        for (int i = 0; i < 12; i++) {
            SynthScene s = r.render(i);
            assertThat(s.isEmpty()).isEqualTo(s.conditions().contains(ClassicScenes.EMPTY));
            sawEmpty |= s.isEmpty();
            for (var d : s.digits()) {
                assertThat(d.conditions()).containsAnyOf(ClassicScenes.PEN, ClassicScenes.PRINTED, ClassicScenes.CHALK)
                        .containsAnyOf(ClassicScenes.DARK_ON_LIGHT, ClassicScenes.LIGHT_ON_DARK);
                sawBoard |= d.conditions().contains(ClassicScenes.CHALK);
                assertThat(d.box().right()).isLessThanOrEqualTo(s.image().getWidth());
            }
        }
        assertThat(sawBoard).isTrue();
        assertThat(sawEmpty).isTrue();
    }

    @Test
    void leftOutKindsAreNeverDrawnAndWhatItCannotLeaveOutIsRefused() {
        SceneRenderer r = new ClassicScenes(set, 5, Set.of(ClassicScenes.CHALK, ClassicScenes.EMPTY));
        assertThat(r.conditions()).doesNotContain(ClassicScenes.CHALK, ClassicScenes.LIGHT_ON_DARK, ClassicScenes.EMPTY);
        for (int i = 0; i < 8; i++) {
            SynthScene s = r.render(i);
            assertThat(s.isEmpty()).isFalse();
            s.digits().forEach(d -> assertThat(d.conditions()).doesNotContain(ClassicScenes.CHALK));
        }
        // It draws no pencil, so leaving pencil out is no promise it could break.
        new ClassicScenes(set, 5, Set.of(Condition.parse("ink:pencil")));
        assertThatThrownBy(() -> new ClassicScenes(set, 5, Set.of(ClassicScenes.PEN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ink:pen");
    }

    @Test
    void renderersByNameMixInTurn() {
        SceneRenderer mix = Renderers.create("raster,classic", set, 7, Set.of());
        SceneRenderer classic = Renderers.create("classic", set, 7, Set.of());
        assertThat(mix.render(3).digits()).isEqualTo(classic.render(1).digits());
        assertThat(mix.conditions()).contains(ClassicScenes.PEN, Condition.parse("ink:pencil"));
        assertThatThrownBy(() -> Renderers.create("raster,vector", set, 7, Set.of()))
                .hasMessageContaining("unknown renderer vector");
    }

    private static byte[] pixels(SynthScene s) {
        return ((DataBufferByte) s.image().getRaster().getDataBuffer()).getData();
    }
}
