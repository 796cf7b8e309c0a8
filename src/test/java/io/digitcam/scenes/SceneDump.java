package io.digitcam.scenes;

import io.digitcam.model.MnistData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes generated scenes with their ground truth drawn on, for looking at: OUT N [SEED].
 * With -Draw, writes the bare frames instead (inputs for the CLI).
 */
public final class SceneDump {
    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        SceneGenerator gen = new SceneGenerator(MnistData.test(Path.of("src/test/resources/mnist")), seed);
        Scene.Kind[] kinds = Scene.Kind.values();
        for (int i = 0; i < n; i++) {
            Scene s = gen.next(kinds[i % kinds.length], i % 2 == 0 ? 640 : 1280, i % 2 == 0 ? 480 : 720);
            if (System.getProperty("raw") != null) {
                ImageIO.write(s.image(), i % 3 == 0 ? "jpg" : "png", out.resolve(String.format("scene-%03d.%s", i,
                        i % 3 == 0 ? "jpg" : "png")).toFile());
                continue;
            }
            Graphics2D g = s.image().createGraphics();
            g.setColor(Color.MAGENTA);
            g.setStroke(new BasicStroke(1));
            for (Scene.Digit d : s.digits()) {
                g.draw(d.box());
                g.drawString(String.valueOf(d.label()), d.box().x, d.box().y - 2);
            }
            g.drawString(s.kind() + " " + s.numbers(), 5, 15);
            g.dispose();
            ImageIO.write(s.image(), "png", out.resolve(String.format("scene-%03d.png", i)).toFile());
        }
    }
}
