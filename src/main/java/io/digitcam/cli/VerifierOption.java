package io.digitcam.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --verifier}, mixed into every command that finds digits in frames. */
final class VerifierOption {
    @Option(names = "--verifier", paramLabel = "FILE", defaultValue = DefaultPaths.VERIFIER,
            description = "Digit / not-a-digit verifier. Default: ${DEFAULT-VALUE}.")
    Path verifier;

    Path resolved() {
        return DefaultPaths.resolve(verifier);
    }
}
