package io.digitcam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.digitcam.badfiles.BadFileCorpus;
import io.digitcam.badfiles.BadFileCorpus.Case;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bad-files corpus through {@code digitcam predict}, every case an argument of one run. */
class BadFilesCliTest {
    @TempDir
    Path dir;

    private record Run(int code, List<String> out, List<String> err) {
    }

    private static Run predict(List<Case> cases) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[cases.size() + 1];
        args[0] = "predict";
        for (int i = 0; i < cases.size(); i++) {
            args[i + 1] = cases.get(i).path().toString();
        }
        int code = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> DigitCamCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args));
        return new Run(code, out.toString().lines().toList(), err.toString().lines().toList());
    }

    @Test
    void everyCaseIsAResultLineOrOneErrorLineAndTheBatchGoesOn() throws Exception {
        List<Case> cases = BadFileCorpus.write(dir);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        Run run = predict(cases);
        System.out.println("exit " + run.code() + "\n--- stdout\n" + String.join("\n", run.out())
                + "\n--- stderr\n" + String.join("\n", run.err()));

        assertThat(run.code()).as("exit status with some bad files").isEqualTo(1);
        assertThat(String.join("\n", run.err())).doesNotContain("Exception").doesNotContainPattern("(?m)^\\s*at ");
        SoftAssertions soft = new SoftAssertions();
        long errors = 0;
        long results = 0;
        for (Case c : cases) {
            String prefix = c.path() + ": ";
            List<String> outLines = run.out().stream().filter(l -> l.startsWith(prefix)).toList();
            List<String> errLines = run.err().stream().filter(l -> l.startsWith("digitcam: " + prefix)).toList();
            if (c.expect().ok()) {
                results++;
                soft.assertThat(outLines).as(c.name() + " result; stderr " + errLines).hasSize(1);
                soft.assertThat(errLines).as(c.name()).isEmpty();
            } else {
                errors++;
                soft.assertThat(errLines).as(c.name()).singleElement().asString()
                        .startsWith("digitcam: " + prefix + c.expect().fragment());
                soft.assertThat(outLines).as(c.name()).isEmpty();
            }
        }
        // Nothing besides the lines above: no stray warnings, no second line for any case.
        soft.assertThat(run.err()).as("stderr lines").hasSize((int) errors);
        soft.assertThat(run.out()).as("stdout lines").hasSize((int) results);
        soft.assertAll();
    }

    /** Ink on a transparent (stored black) background, as drawing apps export it: read on white. */
    @Test
    void digitsOnATransparentPngAreRead() throws Exception {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(30, 30, 40));
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 110));
        g.drawString("5283", 120, 280);
        g.dispose();
        Path file = dir.resolve("transparent-sheet.png");
        ImageIO.write(img, "png", file.toFile());
        Run run = predict(List.of(new Case("transparent sheet", file, null)));
        assertThat(run.code()).as(run.err().toString()).isZero();
        assertThat(run.out()).singleElement().asString().startsWith(file + ": 5283 (4 digits");
    }

    @Test
    void onlyTheGoodCasesExitZero() throws Exception {
        List<Case> good = BadFileCorpus.write(dir).stream()
                .filter(c -> c.expect().ok()).toList();
        assertThat(good).hasSizeGreaterThanOrEqualTo(15);
        Run run = predict(good);
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).hasSize(good.size());
    }
}
