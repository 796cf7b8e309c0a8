package io.digitcam.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app as a user starts it, in a process of its own, stopped the way Ctrl+C or kill stop it. */
class AppSignalTest {
    @TempDir
    Path dir;

    @Test
    void aKillClosesTheWindowInOrderWithTheSignalsStatusAndNoStackTrace() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "signals as on Linux");
        Path err = dir.resolve("stderr.txt");
        Process app = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "io.digitcam.cli.Main", "app", "--source", "demo", "--captures", dir.resolve("captures").toString()))
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(err.toFile())
                .start();
        // Long enough for the window to be up and painting the demo; the outcome must be the same earlier.
        assertThat(app.waitFor(8, TimeUnit.SECONDS)).as("the app ran until killed").isFalse();

        app.destroy(); // SIGTERM

        assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("the app exited after SIGTERM").isTrue();
        assertThat(app.exitValue()).isEqualTo(128 + 15);
        assertThat(Files.readString(err)).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
