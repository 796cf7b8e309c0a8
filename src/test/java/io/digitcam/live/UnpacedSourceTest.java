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

    /** A source on its own grabber thread, feeding a slot. */
    record Rig(CountingSource source, LatestSlot<FrameImage> slot, GrabLoop loop, Thread grabber) {
        static Rig start(boolean paced) {
            CountingSource source = new CountingSource(paced);
            LatestSlot<FrameImage> slot = new LatestSlot<>();
            GrabLoop loop = new GrabLoop(source, () -> source, slot, status -> { });
            Thread grabber = new Thread(loop);
            grabber.start();
            return new Rig(source, slot, loop, grabber);
        }

        void stop() throws InterruptedException {
            loop.stop();
            slot.close();
            grabber.join(2000);
        }
    }

    @Test
    void unpacedSourceMakesOnlyTheFramesTheConsumerTakes() throws Exception {
        Rig rig = Rig.start(false);
        LatestSlot<FrameImage> slot = rig.slot();
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            taken.add(slot.take().sequence());
            Thread.sleep(5);
        }
        rig.stop();

        assertThat(taken).as("every frame made is taken, in order").containsExactly(
                0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
        assertThat(slot.dropped()).isZero();
        // At most one frame made ahead, while the consumer worked on the last one.
        assertThat(rig.source().grabs.get()).isBetween(20, 21);
        assertThat(rig.grabber().isAlive()).isFalse();
    }

    @Test
    void unpacedFrameIsGrabbedJustBeforeTheWorkerWantsIt() throws Exception {
        Rig rig = Rig.start(false);
        LatestSlot<FrameImage> slot = rig.slot();
        List<Double> waited = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            FrameImage frame = slot.take();
            waited.add((System.nanoTime() - frame.grabbedNanos()) / 1e6);
            Thread.sleep(20);
            slot.done();
        }
        rig.stop();

        // Grabbed at once, each frame would wait the worker's whole 20 ms; just in time, about
        // the 1 ms margin (plus scheduling).
        List<Double> settled = waited.subList(10, waited.size());
        assertThat(settled.stream().sorted().toList().get(settled.size() / 2)).isLessThan(10.0);
        assertThat(rig.source().grabs.get()).isBetween(30, 31);
    }

    @Test
    void pacedSourceIsNeverHeldBackAndTheNewestFrameWins() throws Exception {
        Rig rig = Rig.start(true);
        LatestSlot<FrameImage> slot = rig.slot();
        long first = slot.take().sequence();
        Thread.sleep(50);
        long second = slot.take().sequence();
        rig.stop();

        assertThat(second - first).as("frames made while nobody took them were replaced").isGreaterThan(1);
        assertThat(slot.dropped()).isPositive();
    }
}
