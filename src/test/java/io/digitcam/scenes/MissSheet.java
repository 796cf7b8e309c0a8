package io.digitcam.scenes;

import io.digitcam.model.DigitClassifier;
import io.digitcam.model.MnistData;
import io.digitcam.recognize.RecognitionSettings;
import io.digitcam.recognize.Recognizer;
import io.digitcam.vision.Box;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A contact sheet of the digits the reader missed, to see what is left: MODEL OUT.png N SEED.
 * Each miss shows the scene around the true digit, the 28×28 crop of the region that overlaps it
 * best with the classifier's answer, and the benchmark's reason.
 */
public final class MissSheet {
    public static void main(String[] args) throws Exception {
        DigitClassifier classifier = DigitClassifier.load(Path.of(args[0]));
        int n = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        Recognizer recognizer = Recognizer.create(classifier, RecognitionSettings.DEFAULT);
        SceneGenerator gen = new SceneGenerator(MnistData.test(Path.of("src/test/resources/mnist")), seed);
        int cell = 120;
        int cols = 8;
        BufferedImage sheet = new BufferedImage(cols * cell * 2, 40 * (cell + 30), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int k = 0;
        for (int i = 0; i < n; i++) {
            Scene s = gen.nextOfMix(i);
            if (s.kind() == Scene.Kind.EMPTY) continue;
            try (Mat m = SceneGenerator.toMat(s.image()); Recognizer.Trace t = recognizer.trace(m, true)) {
                for (Scene.Digit d : s.digits()) {
                    Scene one = new Scene(s.image(), s.kind(), java.util.List.of(d), s.numbers());
                    java.util.Map<String, Integer> why = new java.util.HashMap<>();
                    SceneBench.explainMisses(one, t, why, RecognitionSettings.DEFAULT.minConfidence());
                    if (why.isEmpty()) continue;
                    String reason = why.keySet().iterator().next();
                    int x = (k % cols) * cell * 2;
                    int y = (k / cols) * (cell + 30);
                    Rectangle b = d.box();
                    int pad = b.height / 2;
                    Rectangle src = new Rectangle(b.x - pad, b.y - pad, b.width + 2 * pad, b.height + 2 * pad)
                            .intersection(new Rectangle(0, 0, s.image().getWidth(), s.image().getHeight()));
                    double sc = Math.min((double) cell / src.width, (double) cell / src.height);
                    g.drawImage(s.image().getSubimage(src.x, src.y, src.width, src.height), x, y,
                            (int) (src.width * sc), (int) (src.height * sc), null);
                    // best region crop
                    double best = 0.3;
                    String info = "";
                    for (int r = 0; r < t.regions().size(); r++) {
                        double iou = SceneScore.iou(b, t.regions().get(r).box());
                        if (iou > best) {
                            best = iou;
                            BufferedImage c = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                            c.getRaster().setDataElements(0, 0, 28, 28, t.crops().get(r));
                            g.drawImage(c, x + cell, y, cell / 28 * 28, cell / 28 * 28, null);
                            var p = t.predictions().get(r);
                            info = String.format("%d %.2f/%d %.2f nd%.2f", p.label(), p.probability(), p.runnerUp(),
                                    p.runnerUpProbability(), p.nonDigitProbability());
                        }
                    }
                    g.setColor(Color.YELLOW);
                    g.drawString("#" + i + " t=" + d.label() + " " + s.kind() + " " + b.height + "px " + info, x, y + cell + 12);
                    g.drawString(reason.length() > 40 ? reason.substring(0, 40) : reason, x, y + cell + 25);
                    System.out.println(k + " scene " + i + " truth " + d.label() + " " + b + " " + reason + " " + info);
                    k++;
                }
            }
        }
        ImageIO.write(sheet.getSubimage(0, 0, sheet.getWidth(), Math.min(sheet.getHeight(), ((k + cols - 1) / cols) * (cell + 30))), "png", Path.of(args[1]).toFile());
    }
}
