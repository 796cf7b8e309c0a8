package io.digitcam.scenes;

import io.digitcam.model.DigitClassifier;
import io.digitcam.model.MnistData;
import io.digitcam.recognize.NumberReader;
import io.digitcam.recognize.Recognition;
import io.digitcam.recognize.Recognizer;
import io.digitcam.recognize.StageTimes;
import io.digitcam.model.LatencyStats;
import io.digitcam.vision.Box;
import io.digitcam.vision.DetectionSettings;
import io.digitcam.vision.DigitDetector;
import io.digitcam.vision.DigitNormalizer;
import io.digitcam.vision.NormalizerSettings;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Scores the reader on N generated scenes: MODEL N [SEED] [MIN-CONFIDENCE] [v]. With
 * -Dhobby it scores the hobby-script baseline instead.
 */
public final class SceneBench {
    public static void main(String[] args) throws Exception {
        DigitClassifier classifier = DigitClassifier.load(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1000;
        double minConfidence = args.length > 3 ? Double.parseDouble(args[3])
                : io.digitcam.recognize.RecognitionSettings.DEFAULT.minConfidence();
        Recognizer recognizer = Recognizer.create(classifier,
                io.digitcam.recognize.RecognitionSettings.DEFAULT.withMinConfidence(minConfidence));
        SceneGenerator gen = new SceneGenerator(MnistData.test(Path.of("src/test/resources/mnist")), seed);
        HobbyBaseline hobby = System.getProperty("hobby") != null ? new HobbyBaseline(classifier, minConfidence) : null;
        SceneScore score = new SceneScore();
        java.util.Map<String, Integer> reasons = new java.util.HashMap<>();
        // Frames with digits, by size, for the timing pass after scoring.
        java.util.Map<String, java.util.List<Mat>> frames = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            Scene s = gen.nextOfMix(i);
            if (hobby != null) {
                try (Mat m = SceneGenerator.toMat(s.image())) {
                    score.add(s, hobby.recognize(m));
                }
                continue;
            }
            Mat m = SceneGenerator.toMat(s.image());
            if (s.kind() != Scene.Kind.EMPTY) {
                frames.computeIfAbsent(m.cols() + "×" + m.rows(), k -> new java.util.ArrayList<>()).add(m);
            }
            try (Recognizer.Trace t = recognizer.trace(m, true)) {
                Recognition r = t.recognition();
                score.add(s, r);
                explainMisses(s, t, reasons, minConfidence);
                if (args.length > 4 && !r.numbers().equals(s.numbers())) {
                    java.util.Map<String, Integer> mine = new java.util.HashMap<>();
                    explainMisses(s, t, mine, minConfidence);
                    System.out.println(i + " " + s.kind() + " truth " + s.numbers() + " read " + r.numbers() + " " + mine);
                }
            }
            if (s.kind() == Scene.Kind.EMPTY) {
                m.close();
            }
        }
        System.out.println(score.summary());
        // Timed apart from scoring, frames of one size back to back as a camera delivers them,
        // and without the explanations, which cost time the app never spends: interleaved with
        // drawing the scenes, the same code measured anywhere from 4.7 to 8.6 ms to detect.
        frames.forEach((size, list) -> {
            list.forEach(m -> recognizer.trace(m).close());
            java.util.List<StageTimes> times = new java.util.ArrayList<>();
            for (Mat m : list) {
                try (Recognizer.Trace t = recognizer.trace(m)) {
                    times.add(t.times());
                }
                m.close();
            }
            printTimes(size, times);
        });
        reasons.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.println("  missed: " + e.getKey() + " x" + e.getValue()));
    }

    /** Median and p95 of each stage over the frames of one size (frames with 1–6 digits). */
    static void printTimes(String size, java.util.List<StageTimes> list) {
        double[][] v = new double[4][list.size()];
        for (int i = 0; i < list.size(); i++) {
            StageTimes t = list.get(i);
            v[0][i] = t.detectMillis();
            v[1][i] = t.normalizeMillis();
            v[2][i] = t.classifyMillis();
            v[3][i] = t.totalMillis();
        }
        String[] names = {"detect", "normalise", "classify", "total"};
        StringBuilder line = new StringBuilder(String.format("%s, %d frames, ms median/p95:", size, list.size()));
        for (int k = 0; k < 4; k++) {
            LatencyStats st = LatencyStats.of(v[k]);
            line.append(String.format("  %s %.2f/%.2f", names[k], st.median(), st.p95()));
        }
        System.out.println(line);
    }

    /** Why each truth digit was not read correctly, by the best-overlapping region's fate. */
    static void explainMisses(Scene s, Recognizer.Trace t, java.util.Map<String, Integer> reasons,
                              double minConfidence) {
        for (Scene.Digit d : s.digits()) {
            String why = "no region";
            double best = 0.3;
            for (int k = 0; k < t.regions().size(); k++) {
                double iou = SceneScore.iou(d.box(), t.regions().get(k).box());
                if (iou > best) {
                    best = iou;
                    var p = t.predictions().get(k);
                    Box box = t.regions().get(k).box();
                    var read = t.recognition().digits().stream().filter(r -> r.box().equals(box)).findFirst();
                    if (read.isPresent() || p.label() != d.label()) {
                        // Read (perhaps vouched for by digits beside it, below minConfidence), or wrong anyway.
                        why = read.map(r -> r.label()).orElse(p.label()) == d.label() ? null : "wrong label";
                    } else if (p.probability() < minConfidence) {
                        why = "low confidence";
                    } else {
                        // Read, then dropped by a rule that looks beyond the region (its neighbours).
                        why = t.rejections().stream().filter(rej -> rej.box().equals(box)).findFirst()
                                .map(rej -> "dropped: " + rej.reason()).orElse("dropped");
                    }
                }
            }
            if (best == 0.3) {
                for (var rej : t.rejections()) {
                    double iou = SceneScore.iou(d.box(), rej.box());
                    if (iou > best) {
                        best = iou;
                        why = "rejected: " + rej.reason().replaceAll(" \\(.*", "");
                    }
                }
            }
            if (why != null) {
                reasons.merge(why, 1, Integer::sum);
            }
        }
    }
}
