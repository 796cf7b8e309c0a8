package io.digitcam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code finetune}'s errors and {@code evaluate --images}; the tuning itself is HandwritingTunerTest's. */
class FineTuneCliTest extends CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void finetuneWithoutSamplesIsOneLineAndExitOne() throws Exception {
        assertThat(run("finetune", "--samples", dir.resolve("nope").toString())).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("digitcam: ").endsWith("no such folder").doesNotContain("\n")
                .doesNotContain("Exception");
        Files.createDirectories(dir.resolve("s/4"));
        Files.writeString(dir.resolve("s/4/a.png"), "not an image");
        err.getBuffer().setLength(0);
        assertThat(run("finetune", "--samples", dir.resolve("s").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no usable samples").contains("1 image(s) could not be read");
    }

    @Test
    void finetuneHelpPrintsItsPercentages() {
        assertThat(run("finetune", "--help")).isZero();
        assertThat(out.toString()).contains("on 80% of them").contains("the other 20% better");
        assertThat(err.toString()).doesNotContain("picocli WARN");
    }

    @Test
    void benchWhileLearningNeedsASamplesFolder() {
        assertThat(run("bench", "pipeline", "--while-learning", dir.resolve("nope").toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("digitcam: --while-learning: no such folder: " + dir.resolve("nope"));
    }

    @Test
    void finetuneRejectsBadOptionsWithExitTwo() {
        assertThat(run("finetune", "--samples", dir.toString(), "--min-mnist", "120")).isEqualTo(2);
        assertThat(err.toString()).contains("--min-mnist");
    }

    @Test
    void evaluateImagesScoresALabelledFolder() throws Exception {
        for (int d : new int[] {1, 7}) {
            Path sub = Files.createDirectories(dir.resolve("images/" + d));
            for (int i = 0; i < 3; i++) {
                ImageIO.write(printed(d, 60 + 10 * i), "png", sub.resolve(d + "-" + i + ".png").toFile());
            }
        }
        Path report = dir.resolve("report");
        assertThat(run("evaluate", "--images", dir.resolve("images").toString(), "--out", report.toString())).isZero();
        assertThat(out.toString()).contains("accuracy").contains("of 6 wrong").contains("confusion matrix");
        assertThat(report.resolve("confusion.png")).exists();
        assertThat(report.resolve("mistakes.png")).exists();
        assertThat(run("evaluate")).isEqualTo(2);
    }

    private static BufferedImage printed(int digit, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size * 2 / 3));
        g.drawString(Integer.toString(digit), size / 3, size * 3 / 4);
        g.dispose();
        return img;
    }
}
