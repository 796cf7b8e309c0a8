package io.digitcam.bench;

import io.digitcam.live.ReadingPipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.digitcam.model.DigitClassifier;
import io.digitcam.recognize.RecognitionSettings;
import io.digitcam.source.GrabberOptions;
import io.digitcam.source.VideoFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI version of {@code digitcam bench soak}: the same pipeline on the same self-recorded
 * looping clip, 800 frames instead of 20,000. The full run holds resident memory to ±5%; here the
 * run is 1/25 as long, so one-off steps that the long run averages out (a C2 compilation burst, a
 * malloc arena growing once) weigh more, hence the looser ±10%. A real leak still fails it: the
 * pipeline handles about 20 MB of frames per processed frame (the grabber decodes ~10 for each
 * the worker takes), so leaking even one decoded frame in a hundred, or one grabber per loop of
 * the clip, adds well over 10% to a resident set of ~400 MB within these frames.
 */
@org.junit.jupiter.api.Tag("slow")
class SoakTest {
    private static final Path MODEL = Path.of("models/digitcam-cnn.zip");
    private static final int FRAMES = 800;
    private static final int WARM_UP = 300;
    private static final int SAMPLE_EVERY = 100;
    /** See the class comment. */
    private static final double RSS_BOUND_PERCENT = 10;
    /**
     * JavaCPP's tracked native memory (Mat headers, Sizes, Scalars, ND4J buffers) is ~3.5 MiB
     * and flat in a healthy run; its live objects come and go with GC, so allow a little.
     */
    private static final long TRACKED_GROWTH_BYTES = 2L << 20;

    @Test
    // About a minute on 2 cores beside a training job; the limit only catches a hung pipeline.
    @Timeout(300)
    void residentMemoryStaysFlatThroughTheLivePipelineOnALoopingVideo(@TempDir Path dir) throws Exception {
        Path clip = Soak.recordDemoClip(dir.resolve("soak.avi"), Soak.CLIP_FRAMES);
        assertThat(Files.size(clip)).isGreaterThan(100_000);
        RecognitionSettings settings = RecognitionSettings.DEFAULT;
        ReadingPipeline reading = ReadingPipeline.load(MODEL, 1, Path.of("models/digitcam-verifier.zip"), settings);
        List<Soak.Sample> seen = new ArrayList<>();
        Soak.Result r = new Soak(reading).run(
                VideoFiles.source(clip, new GrabberOptions(false, false, true, 0)), FRAMES, WARM_UP, SAMPLE_EVERY,
                RSS_BOUND_PERCENT, seen::add);

        StringWriter table = new StringWriter();
        PrintWriter out = new PrintWriter(table);
        Soak.printHeader(out);
        r.samples().forEach(s -> Soak.printSample(s, WARM_UP, out));
        Soak.printSummary(r, out);
        System.out.print(table);

        // Samples after the first frame and every 100 (the warm-up's end among them), all handed on live.
        assertThat(r.samples()).extracting(Soak.Sample::frames)
                .containsExactly(1L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L);
        assertThat(seen).isEqualTo(r.samples());
        assertThat(r.reference().frames()).isEqualTo(WARM_UP);
        Soak.Sample last = r.last();
        // The pipeline did real work: the clip loops several times (every 150 decoded frames)
        // and the digits are read off the decoded video, not only grabbed.
        assertThat(last.dropped() + last.frames()).isGreaterThan(3L * Soak.CLIP_FRAMES);
        assertThat(last.digits() / (double) last.frames()).isGreaterThan(3);
        assertThat(last.heapUsedBytes()).isPositive();

        assertThat(r.totalBytesGrowth()).as("JavaCPP tracked native memory after warm-up, bytes")
                .isLessThan(TRACKED_GROWTH_BYTES);
        assumeThat(r.measured()).as("resident memory is read from /proc/self/status (Linux)").isTrue();
        assertThat(r.rssMaxPercent()).as(table.toString()).isLessThanOrEqualTo(RSS_BOUND_PERCENT);
        assertThat(r.rssMinPercent()).as(table.toString()).isGreaterThanOrEqualTo(-RSS_BOUND_PERCENT);
        assertThat(r.passed()).isTrue();
    }

    @Test
    void verdictComparesEverySampleAfterTheWarmUpWithTheFirst() {
        Soak.Result ok = result(5, 100, sample(1, 300), sample(100, 500), sample(200, 520), sample(300, 490));
        assertThat(ok.reference().frames()).isEqualTo(100);
        assertThat(ok.rssMaxPercent()).isEqualTo(4.0);
        assertThat(ok.rssMinPercent()).isEqualTo(-2.0);
        assertThat(ok.rssDriftPercent()).isEqualTo(-2.0);
        assertThat(ok.passed()).isTrue();
        // The warm-up's own growth (300 → 500) does not count; a peak in the middle does.
        Soak.Result peak = result(5, 100, sample(1, 300), sample(100, 500), sample(200, 530), sample(300, 500));
        assertThat(peak.rssDriftPercent()).isEqualTo(0.0);
        assertThat(peak.passed()).isFalse();
        assertThat(result(5, 100, sample(100, 500), sample(200, 470)).passed()).isFalse();
        // Without /proc there is no verdict, and no false PASS.
        Soak.Result na = result(5, 100, sample(100, -1), sample(200, -1));
        assertThat(na.measured()).isFalse();
        assertThat(na.passed()).isFalse();
    }

    @Test
    void residentMemoryIsReadOnLinux() {
        assumeThat(Files.isReadable(Path.of("/proc/self/status"))).isTrue();
        long rss = Soak.residentBytes();
        // At least the heap in use, and below what the machine could hold.
        Runtime rt = Runtime.getRuntime();
        assertThat(rss).isGreaterThan(rt.totalMemory() - rt.freeMemory()).isLessThan(1L << 40);
    }

    private static Soak.Sample sample(long frames, long rss) {
        return new Soak.Sample(frames, frames / 10.0, rss, 1, 1, 1, 1, 1, 0, 5 * frames);
    }

    private static Soak.Result result(double bound, int warmUp, Soak.Sample... samples) {
        return new Soak.Result(List.of(samples), warmUp, bound);
    }
}
