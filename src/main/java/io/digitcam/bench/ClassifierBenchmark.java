package io.digitcam.bench;

import io.digitcam.model.DigitClassifier;
import io.digitcam.model.DigitImages;
import io.digitcam.model.ModelLoadException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Times {@link DigitClassifier#classify(List)} for several batch sizes, both inference paths. */
public final class ClassifierBenchmark {
    private final Path model;
    private final int threads;
    private final int iterations;

    public ClassifierBenchmark(Path model, int threads, int iterations) {
        this.model = model;
        this.threads = threads;
        this.iterations = iterations;
    }

    public void run(int[] batchSizes, PrintWriter out) throws ModelLoadException {
        out.printf("%s, %d ND4J thread(s), %d timed calls per row, %d cores%n", model, threads, iterations,
                Runtime.getRuntime().availableProcessors());
        out.println("path      batch   per batch: median     p95   per crop: median     p95   (ms)");
        for (boolean compiled : new boolean[] {true, false}) {
            DigitClassifier classifier = DigitClassifier.load(model, threads, compiled);
            String path = classifier.compiled() ? "compiled" : "dl4j";
            for (int batch : batchSizes) {
                List<byte[]> crops = crops(batch);
                for (int i = 0; i < Math.max(20, iterations / 10); i++) {
                    classifier.classify(crops);
                }
                double[] millis = new double[iterations];
                for (int i = 0; i < iterations; i++) {
                    long t = System.nanoTime();
                    classifier.classify(crops);
                    millis[i] = (System.nanoTime() - t) / 1e6;
                }
                LatencyStats s = LatencyStats.of(millis);
                out.printf("%-8s  %5d   %17.3f %7.3f   %16.3f %7.3f%n", path, batch, s.median(), s.p95(),
                        s.median() / batch, s.p95() / batch);
                out.flush();
            }
        }
    }

    /** Sparse random strokes: the timing does not depend on the pixel values. */
    private static List<byte[]> crops(int n) {
        Random random = new Random(n);
        List<byte[]> crops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] c = new byte[DigitImages.PIXELS];
            for (int p = 0; p < c.length; p++) {
                c[p] = random.nextInt(5) == 0 ? (byte) random.nextInt(256) : 0;
            }
            crops.add(c);
        }
        return crops;
    }
}
