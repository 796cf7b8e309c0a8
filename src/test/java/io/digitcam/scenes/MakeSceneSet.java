package io.digitcam.scenes;

import io.digitcam.data.MnistData;
import io.digitcam.synth.Renderers;
import io.digitcam.synth.SceneRenderer;
import io.digitcam.synth.SceneSet;
import io.digitcam.synth.SynthScene;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a scene set for the regression test: {@code MakeSceneSet RENDERER SEED COUNT MNIST_DIR OUT_DIR}.
 * src/test/resources/regression-scenes was made with
 * {@code raster 31337 100 ../shared/mnist src/test/resources/regression-scenes}: MNIST test digits,
 * and a seed the shipped verifier was never trained on (its scenes came from seed 22001).
 */
public final class MakeSceneSet {
    public static void main(String[] args) throws Exception {
        SceneRenderer renderer = Renderers.create(args[0], MnistData.test(Path.of(args[3])), Long.parseLong(args[1]),
                Set.of());
        List<SynthScene> scenes = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            scenes.add(renderer.render(i));
        }
        SceneSet.write(Path.of(args[4]), scenes);
    }
}
