package io.digitcam.scenes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.digitcam.model.MnistData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes the committed regression scenes: OUT-DIR N SEED. Each frame is a JPEG (a webcam's
 * format); truth.json lists every frame's kind, digits (label and box) and numbers.
 */
public final class SceneFixtures {
    /** One frame's ground truth as stored in truth.json. */
    public record Truth(String file, Scene.Kind kind, List<int[]> boxes, List<Integer> labels, List<String> numbers) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        SceneGenerator gen = new SceneGenerator(MnistData.test(Path.of("src/test/resources/mnist")),
                Long.parseLong(args[2]));
        Scene.Kind[] kinds = {Scene.Kind.PAPER, Scene.Kind.PAPER, Scene.Kind.BOARD, Scene.Kind.EMPTY};
        List<Truth> truth = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean large = i % 2 == 1;
            Scene s = gen.next(kinds[i % kinds.length], large ? 1280 : 640, large ? 720 : 480);
            String file = String.format("scene-%02d.jpg", i);
            ImageIO.write(s.image(), "jpg", out.resolve(file).toFile());
            truth.add(new Truth(file, s.kind(),
                    s.digits().stream().map(d -> new int[] {d.box().x, d.box().y, d.box().width, d.box().height}).toList(),
                    s.digits().stream().map(Scene.Digit::label).toList(), s.numbers()));
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("truth.json").toFile(), truth);
    }
}
