package io.digitcam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest extends CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: digitcam").contains("app").contains("predict").contains("train")
                .contains("evaluate").contains("bench");
    }

    @Test
    void whatIsWrittenByDefaultGoesToTheUsersFoldersAndHelpSaysWhere() {
        io.digitcam.config.UserFolders user = io.digitcam.config.UserFolders.current();
        // Wide enough that picocli does not wrap a long path inside the help text.
        String width = System.setProperty("picocli.usage.width", "250");
        try {
            assertThat(run("app", "--help")).isZero();
            assertThat(out.toString()).contains("Default: " + user.data().resolve("captures"))
                    .contains("--data=DIR").contains("Default: " + user.data() + ".");
            assertThat(err.toString()).doesNotContain("WARN");
            assertThat(run("train", "--help")).isZero();
            assertThat(out.toString()).contains("Default: " + user.data().resolve("trained").resolve("digitcam-cnn.zip"));
            assertThat(run("train-verifier", "--help")).isZero();
            assertThat(out.toString()).contains("Default: " + user.data().resolve("trained").resolve("digitcam-verifier.zip"));
            assertThat(run("evaluate", "--help")).isZero();
            assertThat(out.toString()).contains("Default: " + user.data().resolve("evaluation"));
            assertThat(run("--help")).isZero();
            assertThat(out.toString()).contains("override the shipped ones):").contains("  " + user.settingsFile())
                    .contains("reports go to:" + System.lineSeparator() + "  " + user.data());
        } finally {
            if (width == null) {
                System.clearProperty("picocli.usage.width");
            } else {
                System.setProperty("picocli.usage.width", width);
            }
        }
    }

    @Test
    void noSubcommandMeansTheApp() {
        assertThat(DigitCamCommand.withDefaultCommand()).containsExactly("app");
        assertThat(DigitCamCommand.withDefaultCommand("--source", "demo")).containsExactly("app", "--source", "demo");
        assertThat(DigitCamCommand.withDefaultCommand("predict", "x.png")).containsExactly("predict", "x.png");
        assertThat(DigitCamCommand.withDefaultCommand("--version")).containsExactly("--version");
    }

    @Test
    void appRejectsAnOutOfRangeThresholdNamingTheOption() {
        assertThat(run("app", "--min-confidence", "1.5")).isEqualTo(2);
        assertThat(err.toString()).contains("--min-confidence").contains("1.5").doesNotContain("Exception");
    }

    @Test
    void commandLineAndSettingsFileShareTheLimits() throws Exception {
        assertThat(run("app", "--fps", "500")).isEqualTo(2);
        assertThat(err.toString()).contains("'--fps' (500): must be between 1 and 240");
        Path settings = java.nio.file.Files.writeString(dir.resolve("limits.properties"),
                "digitcam.app.fps = 500\ndigitcam.app.width = 7680\n");
        assertThatThrownBy(() -> DigitCamCommand.settings(java.util.List.of(settings)))
                .hasMessage(settings + ": digitcam.app.fps = '500': must be between 1 and 240");
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
    void tuningTheHeadWithoutAModelIsOneLine() {
        int code = run("train", "--data", dir.toString(), "--tune-head", "--out", dir.resolve("m.zip").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("digitcam: tuning only the head needs a trained model to start from (--init)"
                + System.lineSeparator());
    }

    @Test
    void aSecondHeadWithoutAModelOrNonDigitsIsOneLine() {
        int code = run("train", "--data", dir.toString(), "--second-head", "--out", dir.resolve("m.zip").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("digitcam: a second head is trained on a model's features: name the model "
                + "with --init" + System.lineSeparator());
        err.getBuffer().setLength(0);
        code = run("train", "--data", dir.toString(), "--second-head", "--init", "models/digitcam-cnn.zip",
                "--out", dir.resolve("m.zip").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("digitcam: a second head needs \"not a digit\" examples: --negatives, "
                + "or label 10 in --extra" + System.lineSeparator());
        err.getBuffer().setLength(0);
        code = run("train", "--data", dir.toString(), "--second-head", "--init", "models/digitcam-cnn.zip",
                "--out", "models/digitcam-cnn.zip");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("digitcam: --out must not be the --init model");
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
    void extraImagesWithALabelBeyondNotADigitAreOneLine() throws Exception {
        Path images = dir.resolve("extra-images-idx3-ubyte");
        Path labels = dir.resolve("extra-labels-idx1-ubyte");
        io.digitcam.data.IdxWriter.writeImages(images, new io.digitcam.data.IdxImages(2, 28, 28, new byte[2 * 784]));
        io.digitcam.data.IdxWriter.writeLabels(labels, new byte[] {10, 11});
        int code = run("train", "--data", dir.toString(), "--extra", images.toString(), labels.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("digitcam: " + labels + ": label 11 at index 1 is not 0-10"
                + System.lineSeparator());
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
        assertThat(out.toString()).contains("accuracy 99.").contains("with its second head")
                .contains("digit  count  precision  recall")
                .contains("confusion matrix (rows: true digit, columns: predicted)");
        assertThat(ImageIO.read(report.resolve("mistakes.png").toFile()).getHeight()).isGreaterThan(400);
        assertThat(ImageIO.read(report.resolve("confusion.png").toFile())).isNotNull();
    }

    /** A clean sheet with one number in a font: every part of the pipeline has to work for it. */
    private Path printedNumber(String digits, String name) throws Exception {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(235, 235, 230));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(30, 30, 40));
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 110));
        g.drawString(digits, 120, 280);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(img, name.endsWith(".jpg") ? "jpg" : "png", file.toFile());
        return file;
    }

    @Test
    void predictReadsAPrintedNumber() throws Exception {
        Path file = printedNumber("5283", "sheet.png");
        assertThat(run("predict", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString().strip()).matches(Pattern.quote(file.toString())
                + ": 5283 \\(4 digits, min confidence (0\\.9\\d|1\\.00)\\)");
    }

    @Test
    void predictJsonIsOneObjectPerImageWithEveryField() throws Exception {
        Path a = printedNumber("5283", "a.png");
        Path b = printedNumber("1907", "b.jpg");
        assertThat(run("predict", "--json", a.toString(), b.toString())).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("image").asText()).isEqualTo(a.toString());
        assertThat(first.get("width").asInt()).isEqualTo(640);
        assertThat(first.get("height").asInt()).isEqualTo(480);
        assertThat(first.get("numbers")).hasSize(1);
        assertThat(first.get("numbers").get(0).asText()).isEqualTo("5283");
        assertThat(first.get("millis").asDouble()).isPositive();
        JsonNode digits = first.get("digits");
        assertThat(digits).hasSize(4);
        int previousX = -1;
        for (int i = 0; i < 4; i++) {
            JsonNode d = digits.get(i);
            assertThat(d.get("label").asInt()).isEqualTo("5283".charAt(i) - '0');
            assertThat(d.get("confidence").asDouble()).isBetween(0.8, 1.0);
            JsonNode box = d.get("box");
            assertThat(box).hasSize(4);
            assertThat(box.get(0).asInt()).isGreaterThan(previousX).isBetween(100, 600);
            assertThat(box.get(1).asInt()).isBetween(150, 280);
            assertThat(box.get(2).asInt()).isBetween(20, 90);
            assertThat(box.get(3).asInt()).isBetween(60, 100);
            previousX = box.get(0).asInt();
        }
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("image", "width", "height", "digits", "numbers", "millis");
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("numbers").get(0).asText()).isEqualTo("1907");
    }

    @Test
    void predictWritesAnnotatedAndDebugImages() throws Exception {
        Path file = printedNumber("4646", "four.png");
        Path ann = dir.resolve("ann");
        Path dbg = dir.resolve("dbg");
        assertThat(run("predict", "--annotate", ann.toString(), "--debug", dbg.toString(), file.toString()))
                .as(err.toString()).isZero();
        BufferedImage annotated = ImageIO.read(ann.resolve("four.png").toFile());
        assertThat(annotated.getWidth()).isEqualTo(640);
        BufferedImage original = ImageIO.read(file.toFile());
        int changed = 0;
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                changed += annotated.getRGB(x, y) != original.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(changed).as("pixels drawn over").isGreaterThan(2_000);
        assertThat(ImageIO.read(dbg.resolve("four.mask.png").toFile()).getWidth()).isEqualTo(640);
        assertThat(ImageIO.read(dbg.resolve("four.crops.png").toFile()).getWidth()).isGreaterThanOrEqualTo(4 * 84);
    }

    @Test
    void predictReportsBadFilesAndGoesOn() throws Exception {
        Path good = printedNumber("5283", "good.png");
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        Path missing = dir.resolve("missing.png");
        int code = run("predict", text.toString(), missing.toString(), good.toString(), empty.toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains(good + ": 5283").hasLineCount(1);
        assertThat(err.toString().lines().toList()).containsExactly(
                "digitcam: " + text + ": not a readable image (PNG, JPEG, BMP, TIFF or WebP expected)",
                "digitcam: " + missing + ": no such file",
                "digitcam: " + empty + ": empty file");
    }

    @Test
    void benchPrintsMedianAndP95ForEachBatchSize() {
        int code = run("bench", "classifier", "--iterations", "5", "--batches", "1,16");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("per crop: median     p95")
                .containsPattern("compiled\\s+16\\s+[0-9.]+\\s+[0-9.]+")
                .containsPattern("dl4j\\s+1\\s+[0-9.]+");
    }

    @Test
    void aBadSettingsFileStopsEveryCommandWithOneLinePerProblem() throws Exception {
        Path home = Files.createDirectories(dir.resolve("install"));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/digitcam.properties"),
                "modle = models/x.zip\nmin-confidence = 1.5\ndigitcam.app.width = wide\n");
        String previous = System.getProperty("app.home");
        System.setProperty("app.home", home.toString());
        try {
            assertThat(run("predict", "x.png")).isEqualTo(1);
        } finally {
            if (previous == null) {
                System.clearProperty("app.home");
            } else {
                System.setProperty("app.home", previous);
            }
        }
        assertThat(err.toString().lines().toList()).hasSize(3).allMatch(l -> l.startsWith("digitcam: " + home))
                .anyMatch(l -> l.contains("unknown key 'modle'") && l.contains("did you mean 'model'"))
                .anyMatch(l -> l.contains("min-confidence = '1.5'") && l.contains("between 0 and 1"))
                .anyMatch(l -> l.contains("digitcam.app.width = 'wide'"));
        assertThat(err.toString()).doesNotContain("Exception");
    }
}
