package io.digitcam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return DigitCamCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void noSubcommandPrintsUsage() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("Usage: digitcam").contains("train").contains("evaluate").contains("bench");
    }

    @Test
    void missingModelIsOneLineAndNonZero() {
        Path model = dir.resolve("missing.zip");
        int code = run("evaluate", "--model", model.toString(), "--data", "src/test/resources/mnist");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("digitcam: " + model + ": model file not found" + System.lineSeparator());
    }

    @Test
    void trainWithoutDataNamesTheExpectedFiles() {
        int code = run("train", "--data", dir.toString(), "--out", dir.resolve("m.zip").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("digitcam: " + dir + ": missing train-images-idx3-ubyte[.gz]")
                .contains("t10k-labels-idx1-ubyte[.gz]").hasLineCount(1);
    }

    @Test
    void corruptDataIsOneLine() throws Exception {
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            Files.writeString(dir.resolve(name), "junk");
        }
        int code = run("train", "--data", dir.toString(), "--out", dir.resolve("m.zip").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("digitcam: " + dir.resolve("train-images-idx3-ubyte") + ": not an IDX file")
                .hasLineCount(1);
    }

    @Test
    void badOptionIsAUsageError() {
        assertThat(run("train", "--epochs", "many")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--epochs'");
    }

    @Test
    void evaluateTheShippedModel() throws Exception {
        Path report = dir.resolve("report");
        int code = run("evaluate", "--data", "src/test/resources/mnist", "--out", report.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("accuracy 99.").contains("digit  count  precision  recall")
                .contains("confusion matrix (rows: true digit, columns: predicted)");
        assertThat(ImageIO.read(report.resolve("mistakes.png").toFile()).getHeight()).isGreaterThan(400);
        assertThat(ImageIO.read(report.resolve("confusion.png").toFile())).isNotNull();
    }

    @Test
    void benchPrintsMedianAndP95ForEachBatchSize() {
        int code = run("bench", "classifier", "--iterations", "5", "--batches", "1,16");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("per crop: median     p95")
                .containsPattern("compiled\\s+16\\s+[0-9.]+\\s+[0-9.]+")
                .containsPattern("dl4j\\s+1\\s+[0-9.]+");
    }
}
