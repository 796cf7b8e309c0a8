package io.digitcam.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where each OS keeps a user's data and settings; the environment is given, never read. */
class UserFoldersTest {
    private static final Path HOME = Path.of("/home/ana");

    @Test
    void linuxDefaultsToTheXdgFoldersInHome() {
        UserFolders f = UserFolders.of("Linux", Map.of(), HOME);
        assertThat(f.data()).isEqualTo(Path.of("/home/ana/.local/share/digitcam"));
        assertThat(f.config()).isEqualTo(Path.of("/home/ana/.config/digitcam"));
        assertThat(f.settingsFile()).isEqualTo(Path.of("/home/ana/.config/digitcam/digitcam.properties"));
        assertThat(f.cache()).isEqualTo(Path.of("/home/ana/.cache/digitcam"));
    }

    @Test
    void theCacheFollowsEachPlatformsConvention() {
        assertThat(UserFolders.of("Linux", Map.of("XDG_CACHE_HOME", "/x/c"), HOME).cache()).isEqualTo(Path.of("/x/c/digitcam"));
        assertThat(UserFolders.of("Linux", Map.of("XDG_CACHE_HOME", "rel"), HOME).cache())
                .isEqualTo(Path.of("/home/ana/.cache/digitcam"));
        assertThat(UserFolders.of("Mac OS X", Map.of(), Path.of("/Users/ana")).cache())
                .isEqualTo(Path.of("/Users/ana/Library/Caches/DigitCam"));
        assertThat(UserFolders.of("Windows 11", Map.of("LOCALAPPDATA", "C:\\L"), HOME).cache())
                .isEqualTo(Path.of("C:\\L").resolve("DigitCam").resolve("cache"));
    }

    @Test
    void linuxFollowsXdgVariables() {
        UserFolders f = UserFolders.of("Linux", Map.of("XDG_DATA_HOME", "/data/ana", "XDG_CONFIG_HOME", "/etc/ana"), HOME);
        assertThat(f.data()).isEqualTo(Path.of("/data/ana/digitcam"));
        assertThat(f.config()).isEqualTo(Path.of("/etc/ana/digitcam"));
    }

    @Test
    void relativeOrEmptyXdgVariablesAreIgnoredAsTheSpecSays() {
        UserFolders f = UserFolders.of("FreeBSD", Map.of("XDG_DATA_HOME", "share", "XDG_CONFIG_HOME", " "), HOME);
        assertThat(f.data()).isEqualTo(Path.of("/home/ana/.local/share/digitcam"));
        assertThat(f.config()).isEqualTo(Path.of("/home/ana/.config/digitcam"));
    }

    @Test
    void windowsKeepsDataLocalAndSettingsRoaming() {
        UserFolders f = UserFolders.of("Windows 11", Map.of("APPDATA", "C:\\Users\\ana\\AppData\\Roaming",
                "LOCALAPPDATA", "C:\\Users\\ana\\AppData\\Local", "XDG_DATA_HOME", "/ignored"), HOME);
        assertThat(f.data()).isEqualTo(Path.of("C:\\Users\\ana\\AppData\\Local", "DigitCam"));
        assertThat(f.config()).isEqualTo(Path.of("C:\\Users\\ana\\AppData\\Roaming", "DigitCam"));
    }

    @Test
    void windowsWithoutTheVariablesFallsBackToAppDataInHome() {
        UserFolders f = UserFolders.of("Windows 10", Map.of(), HOME);
        assertThat(f.data()).isEqualTo(HOME.resolve("AppData").resolve("Local").resolve("DigitCam"));
        assertThat(f.config()).isEqualTo(HOME.resolve("AppData").resolve("Roaming").resolve("DigitCam"));
    }

    @Test
    void macOsUsesApplicationSupportForBoth() {
        UserFolders f = UserFolders.of("Mac OS X", Map.of("XDG_CONFIG_HOME", "/ignored"), HOME);
        Path support = Path.of("/home/ana/Library/Application Support/DigitCam");
        assertThat(f.data()).isEqualTo(support);
        assertThat(f.config()).isEqualTo(support);
    }
}
