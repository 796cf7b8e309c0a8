package io.digitcam.bench;

import io.digitcam.live.LivePipeline;
import io.digitcam.live.ReadingPipeline;
import io.digitcam.live.SourceStatus;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.digitcam.source.DemoSource;
import io.digitcam.source.FrameImage;
import io.digitcam.source.FrameSource;
import io.digitcam.source.SourceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A long run of the live pipeline without a window (grabber thread → newest-frame slot → worker
 * with a real recognizer and tracker, as the app runs it), sampling memory every so many
 * processed frames: resident set size, Java heap after a GC hint, and the native memory JavaCPP
 * tracks. A leak of Mats, Frames or grabbers shows up as resident memory that keeps growing
 * after the warm-up (JIT, ND4J workspaces, malloc arenas settle in the first thousand frames).
 */
public final class Soak {
    /** Frames the self-recorded clip holds: 5 s at 30 fps, enough for two sets of numbers. */
    public static final int CLIP_FRAMES = 150;
    /** How long without a single processed frame counts as a stalled pipeline. */
    private static final long STALL_SECONDS = 120;
    /** Resident memory counts as settled after a GC once it moves less than this in one poll. */
    private static final long SETTLED_BYTES = 1L << 20;
    private static final long SETTLE_POLL_MILLIS = 200;
    private static final int SETTLE_POLLS = 15;

    private final ReadingPipeline reading;

    public Soak(ReadingPipeline reading) {
        this.reading = reading;
    }

    /**
     * Memory at one point of the run.
     *
     * @param frames        frames processed by the worker so far
     * @param seconds       since the first processed frame
     * @param rssBytes      VmRSS from /proc/self/status; -1 where there is none (not Linux)
     * @param heapUsedBytes Java heap in use right after a {@link System#gc()} hint
     * @param heapCommittedBytes Java heap reserved from the OS ({@link Runtime#totalMemory()})
     * @param physicalBytes JavaCPP's {@link Pointer#physicalBytes()} (the process's physical memory)
     * @param totalBytes    JavaCPP's {@link Pointer#totalBytes()}: native memory of live Pointers it tracks
     * @param pointers      JavaCPP's {@link Pointer#totalCount()}: live Pointers with a deallocator
     * @param dropped       frames the grabber delivered that the worker had no time for
     * @param digits        digits read, summed over all processed frames so far
     */
    public record Sample(long frames, double seconds, long rssBytes, long heapUsedBytes, long heapCommittedBytes, long physicalBytes,
                         long totalBytes, long pointers, long dropped, long digits) {
    }

    /** The samples of one run and the verdict on resident memory after the warm-up. */
    public record Result(List<Sample> samples, int warmUp, double boundPercent) {
        public Result {
            samples = List.copyOf(samples);
        }

        /** Samples taken at or after the warm-up; the first one is the reference. */
        public List<Sample> afterWarmUp() {
            return samples.stream().filter(s -> s.frames() >= warmUp).toList();
        }

        public Sample reference() {
            List<Sample> after = afterWarmUp();
            return after.isEmpty() ? null : after.get(0);
        }

        public Sample last() {
            return samples.get(samples.size() - 1);
        }

        /** False where there is no resident-memory figure (not Linux): the verdict is then n/a. */
        public boolean measured() {
            Sample ref = reference();
            return ref != null && ref.rssBytes() > 0;
        }

        /** Resident memory of {@code s} relative to the reference, in percent. */
        public double rssPercent(Sample s) {
            Sample ref = reference();
            return 100.0 * (s.rssBytes() - ref.rssBytes()) / ref.rssBytes();
        }

        public double rssMinPercent() {
            return afterWarmUp().stream().mapToDouble(this::rssPercent).min().orElse(0);
        }

        public double rssMaxPercent() {
            return afterWarmUp().stream().mapToDouble(this::rssPercent).max().orElse(0);
        }

        /** The last sample relative to the reference. */
        public double rssDriftPercent() {
            return rssPercent(last());
        }

        /** Growth of JavaCPP's tracked native memory from the reference to the last sample. */
        public long totalBytesGrowth() {
            return last().totalBytes() - reference().totalBytes();
        }

        /** Every sample after the warm-up within ±bound of the reference. */
        public boolean passed() {
            return measured() && rssMinPercent() >= -boundPercent && rssMaxPercent() <= boundPercent;
        }
    }

    /**
     * Runs {@code frames} processed frames of {@code source} through the pipeline, sampling after
     * the first frame, every {@code sampleEvery} frames, at the end of the warm-up and at the end.
     * The sampling happens on the worker thread between two frames with the grabber paused, so the
     * figures never catch a frame half processed; the time it takes is left out of the elapsed
     * time. Each sample also goes to {@code progress} as it is taken.
     */
    public Result run(FrameSource source, int frames, int warmUp, int sampleEvery, double boundPercent,
                      Consumer<Sample> progress) throws InterruptedException {
        if (frames < 1 || warmUp < 0 || warmUp >= frames || sampleEvery < 1) {
            throw new IllegalArgumentException("need frames ≥ 1, 0 ≤ warm-up < frames, sample-every ≥ 1");
        }
        List<Sample> samples = new ArrayList<>();
        long[] count = {0};
        long[] digits = {0};
        long[] start = {0};
        Progress progressed = new Progress();
        String[] failure = {null};
        Object done = new Object();
        LivePipeline[] holder = new LivePipeline[1];
        LivePipeline pipeline = new LivePipeline(reading, r -> {
            if (count[0] >= frames) {
                return;
            }
            long n = ++count[0];
            if (n == 1) {
                start[0] = System.nanoTime();
            }
            digits[0] += r.reading() == null ? 0 : r.reading().found().digits().size();
            if (n == 1 || n % sampleEvery == 0 || n == warmUp || n == frames) {
                double seconds = (System.nanoTime() - start[0]) / 1e9;
                long paused = System.nanoTime();
                holder[0].setPaused(true);
                Sample s;
                try {
                    s = sample(n, seconds, holder[0].dropped(), digits[0]);
                } finally {
                    holder[0].setPaused(false);
                }
                // The time spent sampling is not the pipeline's.
                start[0] += System.nanoTime() - paused;
                synchronized (samples) {
                    samples.add(s);
                }
                progress.accept(s);
            }
            // Only now: the waiting thread ends the run as soon as it sees the last frame counted.
            progressed.frames = n;
            if (n == frames) {
                synchronized (done) {
                    done.notifyAll();
                }
            }
        }, status -> {
            // A soak does not wait out retries: the first failure ends it.
            if (status.state() != SourceStatus.State.RUNNING) {
                synchronized (done) {
                    failure[0] = status.message();
                    done.notifyAll();
                }
            }
        });
        holder[0] = pipeline;
        try {
            pipeline.play(source);
            long lastFrames = -1;
            long lastChange = System.nanoTime();
            synchronized (done) {
                while (progressed.frames < frames && failure[0] == null) {
                    done.wait(1_000);
                    long now = System.nanoTime();
                    if (progressed.frames != lastFrames) {
                        lastFrames = progressed.frames;
                        lastChange = now;
                    } else if (now - lastChange > TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
                        failure[0] = "no frame processed for " + STALL_SECONDS + " s";
                    }
                }
            }
            if (progressed.frames < frames) {
                String why = failure[0] == null ? source.description() + ": ended"
                        : failure[0].replaceAll(" — retrying.*", "");
                throw new IllegalStateException(progressed.frames == 0 ? why
                        : why + " (after " + progressed.frames + " of " + frames + " frames)");
            }
        } finally {
            pipeline.close();
        }
        synchronized (samples) {
            return new Result(samples, warmUp, boundPercent);
        }
    }

    /** Written by the worker, read by the waiting thread. */
    private static final class Progress {
        volatile long frames;
    }

    /**
     * Memory with the grabber paused: a GC hint, then resident memory once it stops falling. G1
     * returns the heap it shrinks after a full GC to the OS concurrently, so a reading taken at
     * once catches anything between the old and the new heap size (±100 MiB); with the grabber
     * still producing 2.7 MB frames, the heap would never settle at all.
     */
    private static Sample sample(long frames, double seconds, long dropped, long digits) {
        System.gc();
        long rss = residentBytes();
        try {
            for (int i = 0; i < SETTLE_POLLS && rss > 0; i++) {
                Thread.sleep(SETTLE_POLL_MILLIS);
                long now = residentBytes();
                boolean settled = Math.abs(now - rss) < SETTLED_BYTES;
                rss = now;
                if (settled) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        return new Sample(frames, seconds, rss, heap, rt.totalMemory(), Pointer.physicalBytes(), Pointer.totalBytes(),
                Pointer.totalCount(), dropped, digits);
    }

    /** VmRSS of this process from /proc/self/status, or -1 where there is no such file. */
    public static long residentBytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:	  123456 kB"
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Records {@code frames} frames of the demo (seed 1, 1280×720, several numbers) into an
     * MPEG-4 AVI: a codec and container every FFmpeg build has. The quality is good enough for
     * the detector to read the digits off the decoded frames.
     */
    public static Path recordDemoClip(Path file, int frames) throws SourceException {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (DemoSource demo = new DemoSource(1, false);
             FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), DemoSource.WIDTH, DemoSource.HEIGHT, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
             Mat bgr = new Mat(DemoSource.HEIGHT, DemoSource.WIDTH, CV_8UC3)) {
            rec.setFormat("avi");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setVideoQuality(3);
            rec.setFrameRate(DemoSource.FPS);
            rec.start();
            demo.open();
            for (int i = 0; i < frames; i++) {
                FrameImage f = demo.grab();
                bgr.data().put(f.bgr());
                rec.record(conv.convert(bgr));
            }
            rec.stop();
        } catch (SourceException e) {
            throw e;
        } catch (Exception e) {
            throw new SourceException("cannot record the demo clip to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static final double MIB = 1024.0 * 1024.0;

    public static void printHeader(PrintWriter out) {
        out.printf("%8s %8s %9s %9s %9s %9s %11s %9s %9s %7s  %s%n", "frames", "elapsed", "RSS MiB", "heap MiB",
                "of MiB", "phys MiB", "javacpp MiB", "pointers", "dropped", "dig/fr", "");
        out.flush();
    }

    public static void printSample(Sample s, int warmUp, PrintWriter out) {
        out.printf("%8d %7.1fs %9s %9.1f %9.1f %9.1f %11.1f %9d %9d %7.2f  %s%n", s.frames(), s.seconds(),
                s.rssBytes() < 0 ? "n/a" : String.format("%.1f", s.rssBytes() / MIB), s.heapUsedBytes() / MIB,
                s.heapCommittedBytes() / MIB, s.physicalBytes() / MIB, s.totalBytes() / MIB, s.pointers(), s.dropped(),
                s.digits() / (double) s.frames(), s.frames() == warmUp ? "← end of warm-up (reference)" : "");
        out.flush();
    }

    public static void printSummary(Result r, PrintWriter out) {
        Sample ref = r.reference();
        Sample last = r.last();
        out.printf("%d frames in %.1f s = %.1f frames/s processed, %.2f digits/frame, %d skipped by the "
                + "newest-frame slot%n", last.frames(), last.seconds(), last.frames() / Math.max(1e-9, last.seconds()),
                last.digits() / (double) last.frames(), last.dropped());
        if (!r.measured()) {
            out.println("RSS after warm-up: n/a (no /proc/self/status on this system)");
            out.println("RESULT: n/a (resident memory cannot be measured here)");
            out.flush();
            return;
        }
        out.printf("RSS after warm-up (frame %d, %.1f MiB = 100%%): min %+.2f%%  max %+.2f%%  drift %+.2f%% "
                        + "(%.1f MiB at frame %d)%n", ref.frames(), ref.rssBytes() / MIB, r.rssMinPercent(),
                r.rssMaxPercent(), r.rssDriftPercent(), last.rssBytes() / MIB, last.frames());
        out.printf("JavaCPP native after warm-up: %+.1f MiB (%d → %d live pointers); heap %.1f → %.1f MiB%n",
                r.totalBytesGrowth() / MIB, ref.pointers(), last.pointers(), ref.heapUsedBytes() / MIB,
                last.heapUsedBytes() / MIB);
        out.printf("RESULT: %s: resident memory after warm-up %s within ±%.1f%%%n", r.passed() ? "PASS" : "FAIL",
                r.passed() ? "stayed" : "did not stay", r.boundPercent());
        out.flush();
    }
}
