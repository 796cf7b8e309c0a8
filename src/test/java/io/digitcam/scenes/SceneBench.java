package io.digitcam.scenes;

import io.digitcam.model.DigitClassifier;
import io.digitcam.model.MnistData;
import io.digitcam.recognize.NumberReader;
import io.digitcam.recognize.Recognition;
import io.digitcam.recognize.Recognizer;
import io.digitcam.vision.DetectionSettings;
import io.digitcam.vision.DigitDetector;
import io.digitcam.vision.DigitNormalizer;
import io.digitcam.vision.NormalizerSettings;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/** Scores the reader on N generated scenes: MODEL N [SEED]. */
public final class SceneBench {
    public static void main(String[] args) throws Exception {
        DigitClassifier classifier = DigitClassifier.load(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1000;
        double minConfidence = args.length > 3 ? Double.parseDouble(args[3]) : 0.8;
        Recognizer recognizer = new Recognizer(new DigitDetector(DetectionSettings.DEFAULT),
                new DigitNormalizer(NormalizerSettings.DEFAULT), classifier, new NumberReader(0.5, 0.8), minConfidence);
        SceneGenerator gen = new SceneGenerator(MnistData.test(Path.of("src/test/resources/mnist")), seed);
        SceneScore score = new SceneScore();
        Scene.Kind[] kinds = {Scene.Kind.PAPER, Scene.Kind.PAPER, Scene.Kind.BOARD, Scene.Kind.EMPTY};
        for (int i = 0; i < n; i++) {
            Scene s = gen.next(kinds[i % kinds.length], i % 2 == 0 ? 640 : 1280, i % 2 == 0 ? 480 : 720);
            try (Mat m = SceneGenerator.toMat(s.image())) {
                Recognition r = recognizer.recognize(m);
                score.add(s, r);
                if (args.length > 4) {
                    System.out.println(i + " " + s.kind() + " truth " + s.numbers() + " read " + r.numbers());
                }
            }
        }
        System.out.println(score.summary());
    }
}
