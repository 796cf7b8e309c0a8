package io.digitcam.bench;

import io.digitcam.live.LivePipeline;
import io.digitcam.live.ReadingPipeline;
import io.digitcam.live.SourceStatus;

import io.digitcam.recognize.Recognizer;
import io.digitcam.source.FrameSource;
import io.digitcam.util.BackgroundPriority;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The live pipeline without a window: a source through the grabber thread, the newest-frame
 * slot and the worker, exactly as the app runs it. Prints frames processed per second, the
 * latency from grab to result, and the recognition time per frame (median and p95).
 */
public final class PipelineBenchmark {
    private final ReadingPipeline reading;

    public PipelineBenchmark(ReadingPipeline reading) {
        this.reading = reading;
    }

    public record Figures(int frames, double seconds, double fps, LatencyStats latency, LatencyStats recognize,
                          double digitsPerFrame, long dropped) {
    }

    public Figures run(FrameSource source, int warmUp, int frames) throws InterruptedException {
        return run(source, warmUp, frames, null);
    }

    /**
     * As {@link #run(FrameSource, int, int)}, while {@code job} runs: it is started when the warm-up
     * ends, on a thread behind the video as the app's Learn runs ({@link BackgroundPriority}), and
     * the measuring stops when it returns (or after {@code frames}).
     */
    public Figures run(FrameSource source, int warmUp, int frames, Runnable job) throws InterruptedException {
        double[] latency = new double[frames];
        double[] recognize = new double[frames];
        int[] count = {0};
        long[] digits = {0};
        long[] start = {0};
        long[] last = {0};
        CountDownLatch done = new CountDownLatch(1);
        int[] seen = {0};
        String[] failure = {null};
        LivePipeline pipeline = new LivePipeline(reading, r -> {
            int n = seen[0]++;
            if (n == warmUp) {
                start[0] = System.nanoTime();
                if (job != null) {
                    BackgroundPriority.thread("digitcam-bench-job", () -> {
                        try {
                            job.run();
                        } finally {
                            done.countDown();
                        }
                    }).start();
                }
            }
            if (n < warmUp || count[0] >= frames || done.getCount() == 0) {
                return;
            }
            latency[count[0]] = r.latencyMillis();
            recognize[count[0]] = r.reading() == null ? 0 : r.reading().found().millis();
            digits[0] += r.reading() == null ? 0 : r.reading().found().digits().size();
            last[0] = System.nanoTime();
            if (++count[0] == frames) {
                done.countDown();
            }
        }, status -> {
            // A benchmark does not wait out retries: the first failure ends it.
            if (status.state() != SourceStatus.State.RUNNING) {
                failure[0] = status.message();
                done.countDown();
            }
        });
        try {
            pipeline.play(source);
            done.await(10, TimeUnit.MINUTES);
            // Joins the worker, so what it wrote is seen here.
            pipeline.close();
            double seconds = (last[0] - start[0]) / 1e9;
            int n = count[0];
            if (n == 0) {
                throw new IllegalStateException(failure[0] != null ? failure[0].replaceAll(" — retrying.*", "")
                        : source.description() + " delivered no frames to measure");
            }
            return new Figures(n, seconds, n / seconds, LatencyStats.of(java.util.Arrays.copyOf(latency, n)),
                    LatencyStats.of(java.util.Arrays.copyOf(recognize, n)), digits[0] / (double) n, pipeline.dropped());
        } finally {
            pipeline.close();
        }
    }

    public static void print(String what, Figures f, PrintWriter out) {
        out.printf("%s: %d frames in %.1f s = %.1f frames/s processed (%d skipped by the newest-frame slot), "
                        + "%.1f digits/frame%n", what, f.frames(), f.seconds(), f.fps(), f.dropped(), f.digitsPerFrame());
        out.printf("  grab → result latency  ms  median %6.2f  p95 %6.2f  max %6.2f%n", f.latency().median(),
                f.latency().p95(), f.latency().max());
        out.printf("  recognition per frame  ms  median %6.2f  p95 %6.2f  max %6.2f%n", f.recognize().median(),
                f.recognize().p95(), f.recognize().max());
        out.flush();
    }
}
