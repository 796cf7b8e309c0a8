package io.digitcam.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user's own folders for what DigitCam writes (captures, trained models, reports) and for
 * their settings, so that an installed copy never writes into its installation folder, which is
 * read-only for a user on every platform.
 *
 * <ul>
 *   <li>Linux and other Unixes (XDG base directories): {@code $XDG_DATA_HOME/digitcam}, default
 *       {@code ~/.local/share/digitcam}; {@code $XDG_CONFIG_HOME/digitcam}, default
 *       {@code ~/.config/digitcam}. As the XDG spec says, a relative value is ignored.</li>
 *   <li>Windows: data in {@code %LOCALAPPDATA%\DigitCam} (captures and models are large and belong
 *       to this machine), settings in {@code %APPDATA%\DigitCam} (roaming, they follow the user).</li>
 *   <li>macOS: both in {@code ~/Library/Application Support/DigitCam}.</li>
 * </ul>
 *
 * @param data   where captures, trained models and reports go by default
 * @param config where the user's {@code digitcam.properties} is read from
 * @param cache  what may be deleted at any time and is rebuilt (compiled models):
 *               {@code $XDG_CACHE_HOME/digitcam} (default {@code ~/.cache/digitcam}),
 *               {@code %LOCALAPPDATA%\DigitCam\cache}, {@code ~/Library/Caches/DigitCam}
 */
public record UserFolders(Path data, Path config, Path cache) {
    /** The name of the user's settings file in {@link #config()}. */
    public static final String SETTINGS_FILE = "digitcam.properties";

    /** The folders of the user running this JVM. */
    public static UserFolders current() {
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home", ".")));
    }

    /** The folders for an OS ({@code os.name}), environment and home folder, read from nothing else. */
    public static UserFolders of(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = windowsFolder(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local = windowsFolder(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            return new UserFolders(local.resolve("DigitCam"), roaming.resolve("DigitCam"),
                    local.resolve("DigitCam").resolve("cache"));
        }
        if (os.startsWith("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("DigitCam");
            return new UserFolders(support, support, home.resolve("Library").resolve("Caches").resolve("DigitCam"));
        }
        Path data = xdgFolder(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        Path config = xdgFolder(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        Path cache = xdgFolder(env.get("XDG_CACHE_HOME"), home.resolve(".cache"));
        return new UserFolders(data.resolve("digitcam"), config.resolve("digitcam"), cache.resolve("digitcam"));
    }

    /** The user's settings file, which overrides the shipped defaults key by key. */
    public Path settingsFile() {
        return config.resolve(SETTINGS_FILE);
    }

    private static Path xdgFolder(String value, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? p : fallback;
    }

    // Not checked for being absolute: a Windows path is not absolute to the Path of another OS,
    // and tests of the Windows rules run everywhere.
    private static Path windowsFolder(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
