package io.digitcam.scenes;

import io.digitcam.model.DigitClassifier;
import io.digitcam.model.DigitPrediction;
import io.digitcam.model.MnistData;
import io.digitcam.recognize.NumberReader;
import io.digitcam.recognize.Recognizer;
import io.digitcam.vision.DetectionSettings;
import io.digitcam.vision.DigitDetector;
import io.digitcam.vision.DigitNormalizer;
import io.digitcam.vision.NormalizerSettings;
import io.digitcam.vision.Polarity;
import io.digitcam.vision.Region;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;

/** Writes scenes with truth, regions, predictions, the ink mask and the crops: MODEL OUT SEED INDEX... */
public final class SceneDebug {
    public static void main(String[] args) throws Exception {
        DigitClassifier classifier = DigitClassifier.load(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[1]));
        long seed = Long.parseLong(args[2]);
        Recognizer recognizer = Recognizer.create(classifier,
                io.digitcam.recognize.RecognitionSettings.DEFAULT.withMinConfidence(0.0));
        SceneGenerator gen = new SceneGenerator(MnistData.test(Path.of("src/test/resources/mnist")), seed);
        java.util.Set<Integer> wanted = new java.util.HashSet<>();
        int last = 0;
        for (int i = 3; i < args.length; i++) {
            wanted.add(Integer.parseInt(args[i]));
            last = Math.max(last, Integer.parseInt(args[i]));
        }
        for (int i = 0; i <= last; i++) {
            Scene s = gen.nextOfMix(i);
            if (!wanted.contains(i)) {
                continue;
            }
            try (Mat m = SceneGenerator.toMat(s.image()); Recognizer.Trace t = recognizer.trace(m, true)) {
                BufferedImage img = s.image();
                Graphics2D g = img.createGraphics();
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
                g.setStroke(new BasicStroke(1));
                g.setColor(Color.MAGENTA);
                for (Scene.Digit d : s.digits()) {
                    g.draw(d.box());
                }
                for (int k = 0; k < t.regions().size(); k++) {
                    Region r = t.regions().get(k);
                    DigitPrediction p = t.predictions().get(k);
                    g.setColor(r.polarity() == Polarity.DARK_ON_LIGHT ? Color.GREEN : Color.CYAN);
                    g.drawRect(r.box().x(), r.box().y(), r.box().width(), r.box().height());
                    g.drawString(p.label() + String.format(" %.2f", p.probability()), r.box().x(), r.box().bottom() + 13);
                }
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                for (var rej : t.rejections()) {
                    if (rej.box().height() > 8) {
                        g.setColor(Color.RED);
                        g.drawRect(rej.box().x(), rej.box().y(), rej.box().width(), rej.box().height());
                        g.drawString(rej.reason(), rej.box().x(), rej.box().y() - 2);
                    }
                }
                g.setColor(Color.YELLOW);
                g.drawString("truth " + s.numbers() + " read " + t.recognition().numbers(), 5, 15);
                g.dispose();
                ImageIO.write(img, "png", out.resolve("scene-" + i + ".png").toFile());
                try (org.bytedeco.opencv.opencv_core.Mat ink = t.detection().combinedInk()) {
                    org.bytedeco.opencv.global.opencv_imgcodecs.imwrite(out.resolve("mask-" + i + ".png").toString(), ink);
                }
                int n = t.crops().size();
                BufferedImage crops = new BufferedImage(Math.max(1, n) * 56, 56, BufferedImage.TYPE_BYTE_GRAY);
                for (int k = 0; k < n; k++) {
                    BufferedImage c = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                    c.getRaster().setDataElements(0, 0, 28, 28, t.crops().get(k));
                    crops.getGraphics().drawImage(c, k * 56, 0, 56, 56, null);
                }
                ImageIO.write(crops, "png", out.resolve("crops-" + i + ".png").toFile());
            }
        }
    }
}
