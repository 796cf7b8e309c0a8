package io.digitcam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped settings file, then the user's own over it. */
class SettingsLayersTest {
    @TempDir
    Path dir;

    @Test
    void theUsersFileOverridesTheShippedOneKeyByKey() throws Exception {
        Path shipped = Files.writeString(dir.resolve("shipped.properties"), "min-confidence = 0.6\ndigitcam.app.source = camera\n");
        Path user = Files.writeString(dir.resolve("user.properties"), "digitcam.app.source = demo\n");
        Properties settings = DigitCamCommand.settings(List.of(shipped, user));
        assertThat(settings).containsEntry("digitcam.app.source", "demo").containsEntry("min-confidence", "0.6").hasSize(2);
    }

    @Test
    void aMissingUserFileLeavesTheShippedSettings() throws Exception {
        Path shipped = Files.writeString(dir.resolve("shipped.properties"), "min-confidence = 0.7\n");
        assertThat(DigitCamCommand.settings(List.of(shipped, dir.resolve("none/digitcam.properties"))))
                .containsOnlyKeys("min-confidence");
    }

    @Test
    void aBadKeyInTheUsersFileIsReportedWithThatFilesName() throws Exception {
        Path shipped = Files.writeString(dir.resolve("shipped.properties"), "min-confidence = 0.6\n");
        Path user = Files.writeString(dir.resolve("user.properties"), "min-confidence = 1.5\n");
        assertThatThrownBy(() -> DigitCamCommand.settings(List.of(shipped, user)))
                .isInstanceOf(SettingsException.class)
                .hasMessage(user + ": min-confidence = '1.5': must be between 0 and 1");
    }

    @Test
    void everyValueIsCheckedOnItsOwnThoughTheDryRunsShareOneCommandTree() throws Exception {
        // A good value must not carry over into the next key's run, nor a bad one mask a good one.
        Path shipped = Files.writeString(dir.resolve("shipped.properties"), String.join("\n",
                "digitcam.app.width = 640", "digitcam.app.height = tall", "min-confidence = 0.7",
                "digitcam.app.fps = 0", "digitcam.app.threads = 2", ""));
        assertThatThrownBy(() -> DigitCamCommand.settings(List.of(shipped)))
                .isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(e.getMessage().split("\\R")).hasSize(2)
                        .anySatisfy(line -> assertThat(line).contains("digitcam.app.height = 'tall'"))
                        .anySatisfy(line -> assertThat(line).contains("digitcam.app.fps = '0'")));
    }
}
