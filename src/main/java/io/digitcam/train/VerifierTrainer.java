package io.digitcam.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.digitcam.train.ModelFiles;
import io.digitcam.synth.Condition;
import io.digitcam.synth.SceneRenderer;
import io.digitcam.verify.VerifierInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One verifier training run: harvest candidates from generated scenes, train, score on scenes
 * the training never saw (the next index range of the same renderer), write the model and a
 * metrics file beside it.
 */
public final class VerifierTrainer {
    /** What a run is asked to do. */
    public record Options(String renderer, long seed, int scenes, int validationScenes, Set<Condition> excluded,
                          double negativeShare, int epochs, int batch) {
    }

    private static final double[] THRESHOLDS = {0.3, 0.5, 0.7, 0.9};
    private final Consumer<String> log;

    public VerifierTrainer(Consumer<String> log) {
        this.log = log;
    }

    public MultiLayerNetwork run(SceneRenderer renderer, Options o, Path out) throws IOException {
        long start = System.nanoTime();
        log.accept("rendering " + o.scenes() + " scenes and harvesting their candidates...");
        VerifierSamples.Set train = VerifierSamples.harvest(renderer, 0, o.scenes(), o.negativeShare(),
                progress(o.scenes()));
        log.accept(String.format("%d examples, %d of them digits", train.size(), train.positives()));
        MultiLayerNetwork net = VerifierTraining.train(train, o.epochs(), o.batch(), o.seed(), log);
        log.accept("scoring on " + o.validationScenes() + " further scenes...");
        VerifierSamples.Set validation = VerifierSamples.harvest(renderer, o.scenes(), o.validationScenes(), 1.0,
                progress(o.validationScenes()));
        Map<String, Object> scores = score(net, validation);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ModelSerializer.writeModel(net, out.toFile(), false);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("renderer", o.renderer());
        metrics.put("seed", o.seed());
        metrics.put("trainingScenes", o.scenes());
        metrics.put("excluded", o.excluded().stream().map(Condition::toString).sorted().toList());
        metrics.put("negativeShare", o.negativeShare());
        metrics.put("examples", train.size());
        metrics.put("digitExamples", train.positives());
        metrics.put("epochs", o.epochs());
        metrics.put("parameters", net.numParams());
        metrics.put("input", Map.of("channels", VerifierInput.CHANNELS, "side", VerifierInput.SIDE));
        metrics.put("validation", scores);
        metrics.put("minutes", Math.round((System.nanoTime() - start) / 6e9) / 10.0);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(new ModelFiles(out).metrics().toFile(), metrics);
        return net;
    }

    private IntConsumerLog progress(int total) {
        return new IntConsumerLog(total, log);
    }

    /** Logs every tenth of the way. */
    private record IntConsumerLog(int total, Consumer<String> log) implements java.util.function.IntConsumer {
        @Override
        public void accept(int done) {
            if (total >= 10 && done % (total / 10) == 0) {
                log.accept("  " + done + "/" + total);
            }
        }
    }

    /** Recall of digits and share of other candidates accepted, at a few thresholds. */
    static Map<String, Object> score(MultiLayerNetwork net, VerifierSamples.Set set) {
        float[] x = VerifierTraining.inputs(set);
        int n = set.size();
        float[] p = new float[n];
        int chunk = 512;
        int plane = VerifierSamples.PLANE;
        for (int from = 0; from < n; from += chunk) {
            int count = Math.min(chunk, n - from);
            float[] part = new float[count * plane];
            System.arraycopy(x, from * plane, part, 0, part.length);
            float[][] out = net.output(Nd4j.create(part, new long[] {count, VerifierInput.CHANNELS,
                    VerifierInput.SIDE, VerifierInput.SIDE}, DataType.FLOAT), false).toFloatMatrix();
            for (int i = 0; i < count; i++) {
                p[from + i] = out[i][1];
            }
        }
        Map<String, Object> scores = new LinkedHashMap<>();
        int positives = set.positives();
        scores.put("digits", positives);
        scores.put("others", n - positives);
        for (double t : THRESHOLDS) {
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < n; i++) {
                if (p[i] >= t) {
                    if (set.labels()[i] == 1) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            scores.put("at" + t, Map.of("digitRecall", round(tp / (double) Math.max(1, positives)),
                    "othersAccepted", round(fp / (double) Math.max(1, n - positives))));
        }
        return scores;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
