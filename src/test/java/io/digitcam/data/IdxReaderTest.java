package io.digitcam.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    static byte[] idx(int magic, int[] dims, int dataBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        for (int i = 0; i < dataBytes; i++) {
            out.writeByte(i % 251);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsPlainImages() throws IOException {
        Path f = Files.write(dir.resolve("img"), idx(0x803, new int[] {3, 4, 5}, 60));
        IdxImages images = IdxReader.readImages(f);
        assertThat(images.count()).isEqualTo(3);
        assertThat(images.rows()).isEqualTo(4);
        assertThat(images.cols()).isEqualTo(5);
        assertThat(images.pixel(2, 3, 4)).isEqualTo(59);
    }

    @Test
    void readsGzippedLabels() throws IOException {
        Path f = Files.write(dir.resolve("lbl.gz"), gzip(idx(0x801, new int[] {7}, 7)));
        assertThat(IdxReader.readLabels(f)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void readsTheRealMnistTestSet() throws IOException {
        Path mnist = Path.of("src/test/resources/mnist");
        DigitSet test = MnistData.test(mnist);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(test.labels()[0]).isEqualTo((byte) 7);
        int[] counts = new int[10];
        for (byte b : test.labels()) {
            counts[b]++;
        }
        assertThat(counts).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        assertThat(test.imagesSha256()).hasSize(64);
    }

    @Test
    void truncatedDataIsReportedWithCounts() throws IOException {
        byte[] full = idx(0x803, new int[] {10, 28, 28}, 10 * 784);
        Path f = Files.write(dir.resolve("short"), Arrays.copyOf(full, full.length - 100));
        assertThatThrownBy(() -> IdxReader.readImages(f))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage(f + ": truncated: header declares 7840 data bytes, file has 7740");
    }

    @Test
    void truncatedGzipIsReported() throws IOException {
        byte[] gz = gzip(idx(0x803, new int[] {10, 28, 28}, 10 * 784));
        Path f = Files.write(dir.resolve("short.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(f))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith(f + ": truncated");
    }

    @Test
    void truncatedHeaderIsReported() throws IOException {
        Path f = Files.write(dir.resolve("tiny"), new byte[] {0, 0, 8, 3, 0, 0});
        assertThatThrownBy(() -> IdxReader.readImages(f)).hasMessage(f + ": truncated inside the header");
    }

    @Test
    void wrongMagicIsReported() throws IOException {
        Path f = Files.write(dir.resolve("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0});
        assertThatThrownBy(() -> IdxReader.readImages(f))
                .hasMessage(f + ": not an IDX file (magic number 0x89504e47, expected 0x00000803)");
    }

    @Test
    void labelsFileGivenForImagesIsReported() throws IOException {
        Path f = Files.write(dir.resolve("lbl"), idx(0x801, new int[] {5}, 5));
        assertThatThrownBy(() -> IdxReader.readImages(f))
                .hasMessage(f + ": has 1 dimensions, expected 3 (an images file)");
    }

    @Test
    void nonByteElementTypeIsReported() throws IOException {
        Path f = Files.write(dir.resolve("ints"), idx(0x0C01, new int[] {5}, 20));
        assertThatThrownBy(() -> IdxReader.readLabels(f)).hasMessage(f + ": element type 0x0c is not unsigned byte (0x08)");
    }

    @Test
    void trailingBytesAreReported() throws IOException {
        Path f = Files.write(dir.resolve("long"), idx(0x801, new int[] {5}, 6));
        assertThatThrownBy(() -> IdxReader.readLabels(f)).hasMessage(f + ": has bytes after the 5 the header declares");
    }

    @Test
    void mismatchedCountsAreReported() throws IOException {
        Files.write(dir.resolve(MnistData.TEST_IMAGES), idx(0x803, new int[] {3, 28, 28}, 3 * 784));
        Files.write(dir.resolve(MnistData.TEST_LABELS + ".gz"), gzip(idx(0x801, new int[] {2}, 2)));
        assertThatThrownBy(() -> MnistData.test(dir))
                .hasMessage(dir.resolve(MnistData.TEST_LABELS + ".gz") + ": has 2 labels but "
                        + MnistData.TEST_IMAGES + " has 3 images");
    }

    @Test
    void wrongImageSizeIsReported() throws IOException {
        Files.write(dir.resolve(MnistData.TEST_IMAGES), idx(0x803, new int[] {2, 32, 32}, 2 * 1024));
        Files.write(dir.resolve(MnistData.TEST_LABELS), idx(0x801, new int[] {2}, 2));
        assertThatThrownBy(() -> MnistData.test(dir)).hasMessageContaining("images are 32×32, expected 28×28");
    }

    @Test
    void missingFilesAreNamedWithWhereToGetThem() {
        assertThatThrownBy(() -> MnistData.requireAll(dir))
                .hasMessageContaining("missing train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], "
                        + "t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]")
                .hasMessageContaining("yann.lecun.com/exdb/mnist");
    }
}
