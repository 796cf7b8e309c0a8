package io.digitcam.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitcam.model.Batches;
import io.digitcam.model.DigitImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalSamplesTest {
    @TempDir
    Path dir;

    /** A "1" as a camera crop: a bar in the middle with a wide margin, in either polarity. */
    static BufferedImage one(boolean lightOnDark, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(lightOnDark ? new Color(40, 60, 50) : new Color(235, 230, 215));
        g.fillRect(0, 0, w, h);
        g.setColor(lightOnDark ? new Color(240, 240, 230) : new Color(20, 20, 60));
        g.setStroke(new BasicStroke(h / 12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(w / 2, h / 5, w / 2, h * 4 / 5);
        g.dispose();
        return img;
    }

    @Test
    void eitherPolarityBecomesWhiteInkOnBlackCentred() {
        SampleImage reader = new SampleImage(io.digitcam.vision.NormalizerSettings.DEFAULT);
        byte[][] crops = new byte[2][];
        for (boolean lightOnDark : new boolean[] {false, true}) {
            byte[] crop = reader.normalize(one(lightOnDark, 70, 100));
            crops[lightOnDark ? 1 : 0] = crop;
            assertThat(crop).hasSize(DigitImages.PIXELS);
            int centre = 0;
            for (int y = 12; y <= 16; y++) {
                for (int x = 12; x <= 16; x++) {
                    centre = Math.max(centre, crop[y * 28 + x] & 0xff);
                }
            }
            int corner = crop[1 * 28 + 1] & 0xff;
            assertThat(centre).as("ink at the centre, light-on-dark " + lightOnDark).isGreaterThan(100);
            assertThat(corner).as("background in the corner").isLessThan(10);
        }
        // The same digit either way round: the polarity was found, not assumed.
        double diff = 0;
        for (int i = 0; i < DigitImages.PIXELS; i++) {
            diff += Math.abs((crops[0][i] & 0xff) - (crops[1][i] & 0xff));
        }
        assertThat(diff / DigitImages.PIXELS).isLessThan(8);
    }

    @Test
    void readsLabelFoldersSplitsStablyAndSkipsWhatItCannotRead() throws IOException {
        for (int i = 0; i < 20; i++) {
            png("1", "one-" + i + ".png", one(i % 3 == 0, 60 + i, 90 + i));
        }
        png(PersonalSamples.NOT_A_DIGIT_FOLDER, "blank-ish.png", one(false, 80, 80));
        Files.writeString(dir.resolve("1/broken.png"), "not a png");
        Files.writeString(dir.resolve("1/one-0.json"), "{\"source\": \"camera\"}");
        Files.createDirectories(dir.resolve("7"));
        Files.createDirectories(dir.resolve("captures"));

        PersonalSamples.Samples s = new PersonalSamples().read(dir);
        assertThat(s.size()).isEqualTo(21);
        assertThat(s.skipped()).isEqualTo(1);
        assertThat(s.warnings()).anyMatch(w -> w.contains("broken.png") && w.contains("not a readable PNG"))
                .anyMatch(w -> w.contains("7") && w.contains("no PNG images"))
                .anyMatch(w -> w.contains("captures") && w.contains("not a label folder"));
        assertThat(s.heldOut().size()).isBetween(1, 8);
        assertThat(s.all().labels()).contains((byte) 1, (byte) Batches.NOT_A_DIGIT);
        // The same names land on the same side every time.
        PersonalSamples.Samples again = new PersonalSamples().read(dir);
        assertThat(again.heldOut().pixels()).isEqualTo(s.heldOut().pixels());
        png("1", "one-new.png", one(false, 61, 91));
        PersonalSamples.Samples more = new PersonalSamples().read(dir);
        assertThat(more.size()).isEqualTo(22);
        assertThat(PersonalSamples.hash("one-3.png")).isEqualTo(PersonalSamples.hash("one-3.png")).isBetween(0, 99);
    }

    @Test
    void aFolderWithoutSamplesIsAOneLineError() throws IOException {
        assertThatThrownBy(() -> new PersonalSamples().read(dir.resolve("missing")))
                .isInstanceOf(PersonalSamples.SamplesException.class).hasMessageEndingWith("no such folder");
        Files.createDirectories(dir.resolve("3"));
        assertThatThrownBy(() -> new PersonalSamples().read(dir))
                .isInstanceOf(PersonalSamples.SamplesException.class).hasMessageContaining("no usable samples");
    }

    private void png(String label, String name, BufferedImage img) throws IOException {
        Path sub = Files.createDirectories(dir.resolve(label));
        ImageIO.write(img, "png", sub.resolve(name).toFile());
    }
}
