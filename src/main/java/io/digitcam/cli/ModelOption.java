package io.digitcam.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model}, mixed into every command that loads the network. */
final class ModelOption {
    @Option(names = "--model", paramLabel = "FILE", defaultValue = DefaultPaths.MODEL,
            description = "Default: ${DEFAULT-VALUE}.")
    Path model;

    /** The model file, found from the working directory or else in the installation folder. */
    Path resolved() {
        return DefaultPaths.resolve(model);
    }
}
