package io.digitcam.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where DigitCam keeps what the user makes (personal samples, a fine-tuned model): the
 * platform's per-user data folder, never the installation, which may be read-only or replaced
 * by the next version. Linux and other Unixes follow the XDG base directory spec
 * ({@code $XDG_DATA_HOME/digitcam}, else {@code ~/.local/share/digitcam}); Windows uses
 * {@code %APPDATA%\DigitCam}; macOS {@code ~/Library/Application Support/DigitCam}.
 *
 * <p>The environment, OS name and home are passed in so the rule can be tested for every
 * platform on any machine. Nothing is created here; writers create the folder on first use.
 */
public final class UserFolders {
    private UserFolders() {
    }

    /** The data folder of the user running this JVM. */
    public static Path data() {
        return data(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home", ".")));
    }

    public static Path data(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = usable(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("DigitCam");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("DigitCam");
        }
        // The spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_DATA_HOME");
        Path base = usable(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("digitcam");
    }

    private static boolean usable(String value) {
        return value != null && !value.isBlank();
    }
}
