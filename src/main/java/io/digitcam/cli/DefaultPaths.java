package io.digitcam.cli;

import java.nio.file.Path;

/**
 * Where defaults live. The launcher sets {@code app.home} to the installation directory; run from
 * a checkout, it is the working directory.
 */
final class DefaultPaths {
    static final String MODEL = "models/digitcam-cnn.zip";
    static final String VERIFIER = "models/digitcam-verifier.zip";

    private DefaultPaths() {
    }

    static Path home() {
        return Path.of(System.getProperty("app.home", "."));
    }

    /**
     * A relative path that does not exist from the working directory is looked up in the
     * installation, so "models/digitcam-cnn.zip" works from anywhere with the launcher.
     */
    static Path resolve(Path path) {
        if (path.isAbsolute() || java.nio.file.Files.exists(path)) {
            return path;
        }
        Path installed = home().resolve(path);
        return java.nio.file.Files.exists(installed) ? installed : path;
    }

    /** config/digitcam.properties: defaults for any option, keyed by its long name. */
    static Path settings() {
        return home().resolve("config").resolve("digitcam.properties");
    }
}
