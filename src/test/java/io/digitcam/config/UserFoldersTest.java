package io.digitcam.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserFoldersTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxUsesXdgDataHomeOrElseLocalShare() {
        assertThat(UserFolders.data("Linux", Map.of("XDG_DATA_HOME", "/data/ada"), HOME))
                .isEqualTo(Path.of("/data/ada/digitcam"));
        assertThat(UserFolders.data("Linux", Map.of(), HOME)).isEqualTo(Path.of("/home/ada/.local/share/digitcam"));
        assertThat(UserFolders.data("Linux", Map.of("XDG_DATA_HOME", ""), HOME))
                .isEqualTo(Path.of("/home/ada/.local/share/digitcam"));
    }

    @Test
    void aRelativeXdgDataHomeIsIgnoredAsTheSpecSays() {
        assertThat(UserFolders.data("Linux", Map.of("XDG_DATA_HOME", "relative/dir"), HOME))
                .isEqualTo(Path.of("/home/ada/.local/share/digitcam"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(UserFolders.data("Windows 11", Map.of("APPDATA", "/users/ada/roaming"), HOME))
                .isEqualTo(Path.of("/users/ada/roaming/DigitCam"));
        assertThat(UserFolders.data("Windows 10", Map.of(), HOME))
                .isEqualTo(Path.of("/home/ada/AppData/Roaming/DigitCam"));
    }

    @Test
    void macOsUsesApplicationSupportAndIgnoresXdg() {
        assertThat(UserFolders.data("Mac OS X", Map.of("XDG_DATA_HOME", "/x"), HOME))
                .isEqualTo(Path.of("/home/ada/Library/Application Support/DigitCam"));
    }
}
