package io.digitcam.cli;

import io.digitcam.config.UserFolders;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where defaults live. What DigitCam reads (the shipped model, verifier and settings) comes from
 * the installation: the launcher sets {@code app.home} to it; run from a checkout, it is the
 * working directory. What it writes by default goes to the user's folders ({@link UserFolders}),
 * never into the installation, which an installed copy may not write to.
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
        if (path.isAbsolute() || Files.exists(path)) {
            return path;
        }
        Path installed = home().resolve(path);
        return Files.exists(installed) ? installed : path;
    }

    /** config/digitcam.properties in the installation: the shipped defaults for any option. */
    static Path settings() {
        return home().resolve("config").resolve(UserFolders.SETTINGS_FILE);
    }

    /** The user's own settings file, read after the shipped one and overriding it. */
    static Path userSettings() {
        return UserFolders.current().settingsFile();
    }

    /** Default folder of the app's Capture button. */
    static Path captures() {
        return data().resolve("captures");
    }

    /** Default {@code --out} of {@code train}. */
    static Path trainedModel() {
        return data().resolve("trained").resolve("digitcam-cnn.zip");
    }

    /** Default {@code --out} of {@code train-verifier}. */
    static Path trainedVerifier() {
        return data().resolve("trained").resolve("digitcam-verifier.zip");
    }

    /** Default {@code --out} of {@code evaluate}. */
    static Path evaluation() {
        return data().resolve("evaluation");
    }

    private static Path data() {
        return UserFolders.current().data();
    }
}
