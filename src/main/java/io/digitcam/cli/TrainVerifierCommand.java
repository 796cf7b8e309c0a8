package io.digitcam.cli;

import io.digitcam.data.MnistData;
import io.digitcam.synth.Condition;
import io.digitcam.synth.Renderers;
import io.digitcam.train.VerifierTrainer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train-verifier", mixinStandardHelpOptions = true,
        description = "Train the digit / not-a-digit verifier on generated scenes (MNIST training digits drawn with "
                + "many inks on many surfaces) and write it with its metrics.")
final class TrainVerifierCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Directory with the MNIST IDX files; the training split's digits are drawn.")
    Path data;

    @Option(names = "--renderer", defaultValue = "raster",
            description = "Scene renderer to train on: ${COMPLETION-CANDIDATES}, or several separated by commas, taken in "
                    + "turn. Default: ${DEFAULT-VALUE}.",
            completionCandidates = Renderers.Names.class)
    String renderer;

    @Option(names = "--scenes", defaultValue = "6000", description = "Training scenes. Default: ${DEFAULT-VALUE}.")
    int scenes;

    @Option(names = "--validation-scenes", defaultValue = "400",
            description = "Further scenes scored after training. Default: ${DEFAULT-VALUE}.")
    int validationScenes;

    @Option(names = "--exclude", split = ",", paramLabel = "FAMILY:VALUE",
            description = "Conditions never drawn in training, to report on later as held out (e.g. ink:pencil).")
    List<String> exclude;

    @Option(names = "--negative-share", defaultValue = "0.2",
            description = "Share of the non-digit candidates kept as examples. Default: ${DEFAULT-VALUE}.")
    double negativeShare;

    @Option(names = "--epochs", defaultValue = "4", description = "Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--seed", defaultValue = "22001", description = "Renderer and training seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Model file to write; its metrics go next to it. Default: ${DEFAULT-VALUE}.")
    Path out = DefaultPaths.trainedVerifier();

    @Override
    public Integer call() throws Exception {
        Set<Condition> excluded = new HashSet<>();
        if (exclude != null) {
            for (String e : exclude) {
                excluded.add(Condition.parse(e));
            }
        }
        if (scenes < 10 || validationScenes < 1 || epochs < 1 || batch < 1 || negativeShare <= 0 || negativeShare > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scenes must be at least 10, "
                    + "--validation-scenes, --epochs and --batch at least 1, --negative-share in (0, 1]");
        }
        MnistData.requireFiles(data, MnistData.TRAIN_IMAGES, MnistData.TRAIN_LABELS);
        var renderer = Renderers.create(this.renderer, MnistData.train(data), seed, excluded);
        var options = new VerifierTrainer.Options(this.renderer, seed, scenes, validationScenes, excluded,
                negativeShare, epochs, batch);
        new VerifierTrainer(spec.commandLine().getErr()::println).run(renderer, options, out);
        spec.commandLine().getOut().println("Wrote " + out + " and its metrics.");
        return 0;
    }
}
