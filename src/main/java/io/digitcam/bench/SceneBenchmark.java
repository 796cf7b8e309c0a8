package io.digitcam.bench;

import io.digitcam.propose.Candidate;
import io.digitcam.recognize.Recognizer;
import io.digitcam.synth.SceneImages;
import io.digitcam.synth.SynthScene;
import io.digitcam.vision.Box;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads generated scenes with the pipeline and scores them ({@link ReadingScore}), with the time
 * each frame took. The figures mean something only for scenes whose renderer and conditions the
 * verifier was not trained or tuned on: the report says which were held out.
 */
public final class SceneBenchmark {
    private SceneBenchmark() {
    }

    /** The score and the per-frame milliseconds, in scene order. */
    public record Result(ReadingScore score, double[] millis) {
        public double percentile(double p) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
        }
    }

    public static Result run(Recognizer reader, LongFunction<SynthScene> scenes, long from, int count,
                             double minDigit) {
        ReadingScore score = new ReadingScore();
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            SynthScene scene = scenes.apply(from + i);
            try (Mat frame = SceneImages.toMat(scene.image()); Recognizer.Trace trace = reader.trace(frame)) {
                millis[i] = trace.times().totalMillis();
                List<Box> proposed = trace.proposals().candidates().stream().map(Candidate::box).toList();
                List<Box> accepted = trace.verified().stream().filter(v -> v.digitProbability() >= minDigit)
                        .map(v -> v.candidate().box()).toList();
                score.add(scene, trace.recognition(), proposed, accepted);
            }
        }
        return new Result(score, millis);
    }

    /** Overall figures, then one row per condition with at least {@code minDigits} digits or empty frames. */
    public static void print(Result result, String title, PrintWriter out, int minDigits) {
        ReadingScore.Tally a = result.score().all();
        out.printf("%s%n", title);
        out.printf("digits read %.1f%% (%d/%d), numbers exact %.1f%% (%d/%d), false digits per empty frame %.3f "
                        + "(%d in %d), %d more beside real digits%n",
                100 * a.digitRate(), a.read, a.digits, 100 * a.numberRate(), a.numbersExact, a.numbers,
                a.falsePerEmpty(), a.falseOnEmpty, a.emptyFrames, a.falseBeside);
        out.printf("per frame: median %.2f ms, p95 %.2f ms%n", result.percentile(0.5), result.percentile(0.95));
        out.printf("%n%-26s %7s %8s %9s %9s %8s %8s %9s%n", "condition", "digits", "read", "proposed", "verified",
                "misread", "numbers", "false/emp");
        row(out, "all", a);
        for (Map.Entry<String, ReadingScore.Tally> e : result.score().byCondition().entrySet()) {
            ReadingScore.Tally t = e.getValue();
            if (t.digits >= minDigits || t.emptyFrames >= minDigits) {
                row(out, e.getKey(), t);
            }
        }
        out.flush();
    }

    private static void row(PrintWriter out, String name, ReadingScore.Tally t) {
        out.printf("%-26s %7d %8s %9s %9s %8s %8s %9s%n", name, t.digits, pct(t.read, t.digits), pct(t.proposed, t.digits),
                pct(t.accepted, t.digits), pct(t.misread, t.digits), pct(t.numbersExact, t.numbers),
                t.emptyFrames == 0 ? "-" : String.format("%.3f", t.falsePerEmpty()));
    }

    private static String pct(int n, int of) {
        return of == 0 ? "-" : String.format("%.1f%%", 100.0 * n / of);
    }
}
