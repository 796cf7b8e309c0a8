package io.digitcam.cli;

import io.digitcam.keras.ImportedModel;
import io.digitcam.keras.KerasException;
import io.digitcam.keras.KerasImporter;
import io.digitcam.keras.ModelSummary;
import io.digitcam.model.DigitClassifier;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-keras", mixinStandardHelpOptions = true,
        description = "Import a Keras Sequential digit classifier (a whole-model .h5 of Keras 1, 2 or 3, a .keras "
                + "file, or an architecture .json with --weights) as a DigitCam model for --model, and print its summary.")
final class ImportKerasCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The Keras model: .h5, .keras, or an architecture .json.")
    Path file;

    @Option(names = "--weights", paramLabel = "FILE.h5",
            description = "The weights of an architecture .json. Default: NAME.weights.h5 or NAME.h5 beside it.")
    Path weights;

    @Option(names = "--pixel-scale", paramLabel = "255|1",
            description = "What training divided pixels by: 255 (pixels 0-1) or 1 (pixels left 0-255). "
                    + "Default: 255, or 1 when the model starts with a Rescaling layer, which does the dividing.")
    Double pixelScale;

    @Option(names = "--out", paramLabel = "FILE.zip", description = "Default: models/NAME.zip in the current directory.")
    Path out;

    @Option(names = "--force", description = "Overwrite --out if it exists (never a shipped digitcam-*.zip model).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Path target = out != null ? out : defaultOut(file);
        checkTarget(target);
        ImportedModel model = KerasImporter.importModel(file, weights, pixelScale);
        model.save(target);
        // Loaded back as --model will load it: proves the file, and tells which path it runs on.
        DigitClassifier loaded = DigitClassifier.load(target);
        PrintWriter o = spec.commandLine().getOut();
        for (String line : ModelSummary.lines(model)) {
            o.println(line);
        }
        o.println("runs on: " + (loaded.compiled() ? "DigitCam's compiled path"
                : "DL4J's output() (its layers are outside the compiled path; --verbose says which)"));
        o.println("Wrote " + target + " (use it with --model " + target + ")");
        o.flush();
        return 0;
    }

    /** Checked before importing, so a refused target costs no import. */
    private void checkTarget(Path target) throws KerasException {
        String name = target.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".zip")) {
            // --model reads .h5/.keras/.json as Keras files, so the output must be told apart by its name.
            throw new KerasException(target, "--out must end in .zip (a DigitCam model)");
        }
        if (lower.startsWith("digitcam-")) {
            throw new KerasException(target, "will not overwrite or shadow DigitCam's own digitcam-*.zip models: "
                    + "choose another name with --out");
        }
        if (Files.isDirectory(target)) {
            throw new KerasException(target, "is a directory");
        }
        if (Files.exists(target) && !force) {
            throw new KerasException(target, "already exists: add --force to overwrite it");
        }
    }

    /** models/NAME.zip in the working directory: "lenet.h5" → lenet, "cnn.weights.h5" → cnn. */
    static Path defaultOut(Path file) {
        String name = file.getFileName().toString();
        String stem = name.replaceFirst("(?i)\\.(h5|hdf5|keras|json)$", "").replaceFirst("(?i)\\.weights$", "");
        return Path.of("models", (stem.isEmpty() ? "keras-model" : stem) + ".zip");
    }
}
