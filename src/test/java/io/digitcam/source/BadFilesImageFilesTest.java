package io.digitcam.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.digitcam.badfiles.BadFileCorpus;
import io.digitcam.badfiles.BadFileCorpus.Case;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ImageFiles itself on the corpus: what the header says is what gets decoded. */
class BadFilesImageFilesTest {
    @TempDir
    Path dir;

    @Test
    void everyReadableCaseIs8BitBgrOfItsDeclaredSize() throws Exception {
        List<Case> ok = BadFileCorpus.write(dir).stream().filter(c -> c.expect().ok()).toList();
        SoftAssertions soft = new SoftAssertions();
        for (Case c : ok) {
            byte[] bytes = Files.readAllBytes(c.path());
            ImageFormat format = ImageFormat.sniff(bytes);
            soft.assertThat(format).as(c.name()).isNotNull();
            long[] declared = format.declaredSize(bytes);
            try (Mat m = ImageFiles.read(c.path())) {
                soft.assertThat(m.type()).as(c.name()).isEqualTo(CV_8UC3);
                soft.assertThat(new long[] {m.cols(), m.rows()}).as(c.name() + " declared " + format)
                        .containsExactly(declared);
            }
        }
        soft.assertAll();
    }

    @Test
    void theFormatComesFromTheBytesNotTheName() throws Exception {
        List<Case> cases = BadFileCorpus.write(dir);
        Path pngNamedJpg = path(cases, "png-named.jpg");
        Path jpegNamedPng = path(cases, "jpeg-named.png");
        assertThat(ImageFormat.sniff(Files.readAllBytes(pngNamedJpg))).isEqualTo(ImageFormat.PNG);
        assertThat(ImageFormat.sniff(Files.readAllBytes(jpegNamedPng))).isEqualTo(ImageFormat.JPEG);
        assertThat(ImageFormat.sniff(Files.readAllBytes(path(cases, "lossless.webp")))).isEqualTo(ImageFormat.WEBP);
        // OpenCV's own imread also goes by content, so the old code read these too.
        try (Mat m = imread(pngNamedJpg.toString(), IMREAD_COLOR)) {
            assertThat(m.cols()).isEqualTo(200);
        }
    }

    @Test
    void aBombIsRefusedFromItsHeaderWithoutDecoding() throws Exception {
        Path bomb = path(BadFileCorpus.write(dir), "png-bomb-100000x100000.png");
        assertThat(Files.size(bomb)).isLessThan(200);
        // The size limit is read from the header: decoding 10^10 pixels would exhaust the heap first.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ImageFiles.read(bomb)))
                .hasMessageEndingWith("larger than the 50-megapixel limit").hasNoCause();
    }

    private static Path path(List<Case> cases, String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().path();
    }
}
