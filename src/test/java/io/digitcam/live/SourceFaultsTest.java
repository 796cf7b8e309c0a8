package io.digitcam.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.source.FrameImage;
import io.digitcam.source.FrameSource;
import io.digitcam.source.SourceException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Camera faults injected through the FrameSource interface: a source that throws, one that
 * returns null, one that stalls inside grab() and ignores close(). The pipeline must report,
 * retry, recover when frames return, and close promptly whatever the driver does.
 */
class SourceFaultsTest {
    private final List<SourceStatus> statuses = new CopyOnWriteArrayList<>();
    private final AtomicInteger results = new AtomicInteger();
    private LivePipeline pipeline;

    private LivePipeline pipeline(long stallMillis) {
        pipeline = new LivePipeline(null, r -> results.incrementAndGet(), statuses::add, stallMillis);
        return pipeline;
    }

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /** A live source: frames until its {@code fault} kicks in after {@code goodFrames}. */
    static final class FaultySource implements FrameSource {
        enum Fault { THROW, NULL, STALL }

        final Fault fault;
        final int goodFrames;
        final CountDownLatch never = new CountDownLatch(1);
        volatile int sequence;
        volatile boolean closed;

        FaultySource(Fault fault, int goodFrames) {
            this.fault = fault;
            this.goodFrames = goodFrames;
        }

        @Override
        public void open() {
        }

        @Override
        public FrameImage grab() throws SourceException {
            if (sequence >= goodFrames) {
                switch (fault) {
                    case THROW -> throw new SourceException("camera 0 stopped delivering frames: device unplugged");
                    case NULL -> {
                        return null;
                    }
                    case STALL -> {
                        // A driver stuck in a read: deaf to close() and to interrupts.
                        while (true) {
                            try {
                                never.await();
                            } catch (InterruptedException ignored) {
                                // keep stalling
                            }
                        }
                    }
                }
            }
            sleepQuietly(10);
            return new FrameImage(8, 8, new byte[8 * 8 * 3], sequence++, System.nanoTime());
        }

        @Override
        public String description() {
            return "camera 0";
        }

        @Override
        public boolean live() {
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            sleepQuietly(10);
        }
    }

    private void recoversFrom(FaultySource.Fault fault, String expectedMessage) {
        AtomicInteger made = new AtomicInteger();
        FaultySource first = new FaultySource(fault, 5);
        pipeline(60_000).play(first, () -> {
            made.incrementAndGet();
            return new FaultySource(fault, 1_000_000);
        });
        await("a reported failure", () -> statuses.stream().anyMatch(s -> s.state() == SourceStatus.State.RETRYING));
        SourceStatus failure = statuses.stream().filter(s -> s.state() == SourceStatus.State.RETRYING).findFirst().get();
        assertThat(failure.message()).contains(expectedMessage).contains("retrying in 0.5 s").doesNotContain("\n");
        assertThat(failure.firstOpen()).isFalse();
        assertThat(first.closed).isTrue();
        int before = results.get();
        await("frames after the retry", () -> results.get() > before + 10);
        assertThat(made.get()).isEqualTo(1);
        assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(SourceStatus.State.RUNNING);
    }

    @Test
    void aSourceThatThrowsIsReportedRetriedAndRecovers() {
        recoversFrom(FaultySource.Fault.THROW, "device unplugged");
    }

    @Test
    void aLiveSourceThatReturnsNullIsReportedRetriedAndRecovers() {
        recoversFrom(FaultySource.Fault.NULL, "stopped delivering frames");
    }

    @Test
    void aStalledSourceIsNoticedByTheWatchdogAndReopened() {
        AtomicInteger made = new AtomicInteger();
        pipeline(400).play(new FaultySource(FaultySource.Fault.STALL, 5), () -> {
            made.incrementAndGet();
            return new FaultySource(FaultySource.Fault.STALL, 1_000_000);
        });
        await("the stall to be reported", () -> statuses.stream().anyMatch(s -> s.message().contains("no frames for")));
        int before = results.get();
        await("frames from the reopened source", () -> results.get() > before + 10);
        assertThat(made.get()).isEqualTo(1);
    }

    @Test
    void closingWhileTheSourceIsStalledDoesNotWaitForTheStuckRead() {
        FaultySource stalling = new FaultySource(FaultySource.Fault.STALL, 3);
        pipeline(60_000).play(stalling);
        await("the stall", () -> stalling.sequence >= 3 && results.get() >= 1);
        sleepQuietly(200);
        // The stalled read never returns: a close that waited for it would never end, so any
        // bound tells the two apart; it is a hang guard, not a speed requirement.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), pipeline::close);
        pipeline = null;
        assertThat(stalling.closed).as("the source is told to close even while a read is stuck").isTrue();
    }

    @Test
    void retriesBackOffUpToTheLimit() {
        pipeline(60_000).play(new FaultySource(FaultySource.Fault.THROW, 0),
                () -> new FaultySource(FaultySource.Fault.THROW, 0));
        await("three failures", () -> statuses.stream().filter(s -> s.state() == SourceStatus.State.RETRYING).count() >= 3);
        List<String> messages = statuses.stream().filter(s -> s.state() == SourceStatus.State.RETRYING)
                .map(SourceStatus::message).toList();
        assertThat(messages.get(0)).endsWith("retrying in 0.5 s");
        assertThat(messages.get(1)).endsWith("retrying in 1.0 s");
        assertThat(messages.get(2)).endsWith("retrying in 2.0 s");
        assertThat(statuses.get(0).state()).isEqualTo(SourceStatus.State.RUNNING);
    }
}
