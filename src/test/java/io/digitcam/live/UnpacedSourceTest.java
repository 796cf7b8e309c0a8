package io.digitcam.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitcam.source.FrameImage;
import io.digitcam.source.FrameSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An unpaced source (a file or the demo played as fast as possible) is asked for a frame only
 * once the worker took the previous one; a paced source keeps its own rate and the newest
 * frame wins.
 */
class UnpacedSourceTest {
    /** Makes frames instantly and counts how many it was asked for. */
    static final class CountingSource implements FrameSource {
        final AtomicInteger grabs = new AtomicInteger();
        private final boolean paced;

        CountingSource(boolean paced) {
            this.paced = paced;
        }

        @Override
        public void open() {
        }

        @Override
        public FrameImage grab() {
            return new FrameImage(4, 4, new byte[4 * 4 * 3], grabs.getAndIncrement(), System.nanoTime());
        }

        @Override
        public String description() {
            return "counting";
        }

        @Override
        public boolean live() {
            return false;
        }

        @Override
        public boolean paced() {
            return paced;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void unpacedSourceMakesOnlyTheFramesTheConsumerTakes() throws Exception {
        CountingSource source = new CountingSource(false);
        LatestSlot<FrameImage> slot = new LatestSlot<>();
        GrabLoop loop = new GrabLoop(source, () -> source, slot, status -> { });
        Thread grabber = new Thread(loop);
        grabber.start();
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            taken.add(slot.take().sequence());
            Thread.sleep(5);
        }
        loop.stop();
        slot.close();
        grabber.join(2000);

        assertThat(taken).as("every frame made is taken, in order").containsExactly(
                0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
        assertThat(slot.dropped()).isZero();
        // At most one frame made ahead, while the consumer worked on the last one.
        assertThat(source.grabs.get()).isBetween(20, 21);
        assertThat(grabber.isAlive()).isFalse();
    }

    @Test
    void unpacedFrameIsGrabbedJustBeforeTheWorkerWantsIt() throws Exception {
        CountingSource source = new CountingSource(false);
        LatestSlot<FrameImage> slot = new LatestSlot<>();
        GrabLoop loop = new GrabLoop(source, () -> source, slot, status -> { });
        Thread grabber = new Thread(loop);
        grabber.start();
        List<Double> waited = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            FrameImage frame = slot.take();
            waited.add((System.nanoTime() - frame.grabbedNanos()) / 1e6);
            Thread.sleep(20);
            slot.done();
        }
        loop.stop();
        slot.close();
        grabber.join(2000);

        // Grabbed at once, each frame would wait the worker's whole 20 ms; just in time, about
        // the 1 ms margin (plus scheduling).
        List<Double> settled = waited.subList(10, waited.size());
        assertThat(settled.stream().sorted().toList().get(settled.size() / 2)).isLessThan(10.0);
        assertThat(source.grabs.get()).isBetween(30, 31);
    }

    @Test
    void pacedSourceIsNeverHeldBackAndTheNewestFrameWins() throws Exception {
        CountingSource source = new CountingSource(true);
        LatestSlot<FrameImage> slot = new LatestSlot<>();
        GrabLoop loop = new GrabLoop(source, () -> source, slot, status -> { });
        Thread grabber = new Thread(loop);
        grabber.start();
        long first = slot.take().sequence();
        Thread.sleep(50);
        long second = slot.take().sequence();
        loop.stop();
        grabber.join(2000);

        assertThat(second - first).as("frames made while nobody took them were replaced").isGreaterThan(1);
        assertThat(slot.dropped()).isPositive();
    }
}
