package io.digitcam.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.Test;

/** GrabberSource's own logic (dark frames, channel conversion, failures) over a scripted grabber. */
class GrabberSourceTest {
    /** Plays a fixed list of frames; an empty list yields null (a file's end, or a dead camera). */
    static class ScriptedGrabber extends FrameGrabber {
        final Deque<Frame> frames = new ArrayDeque<>();
        boolean started;
        boolean released;

        ScriptedGrabber add(Frame f) {
            frames.add(f);
            return this;
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public void stop() {
        }

        @Override
        public void trigger() {
        }

        @Override
        public Frame grab() {
            return frames.poll();
        }

        @Override
        public void release() {
            released = true;
        }
    }

    static Frame frame(int w, int h, int channels, int value) {
        Frame f = new Frame(w, h, Frame.DEPTH_UBYTE, channels);
        ByteBuffer b = (ByteBuffer) f.image[0];
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) value);
        }
        return f;
    }

    private static GrabberSource camera(ScriptedGrabber g, int dropDark) {
        return new GrabberSource("camera test", () -> g, new GrabberOptions(true, false, false, dropDark));
    }

    @Test
    void dropsInitialBlackCameraFrames() throws Exception {
        ScriptedGrabber g = new ScriptedGrabber();
        for (int i = 0; i < 3; i++) {
            g.add(frame(8, 6, 3, 2));
        }
        g.add(frame(8, 6, 3, 128)).add(frame(8, 6, 3, 3));
        try (GrabberSource s = camera(g, 5)) {
            s.open();
            FrameImage first = s.grab();
            assertThat(first.sequence()).isZero();
            assertThat(first.bgr()[0] & 0xff).isEqualTo(128);
            // Once the picture came up, a dark frame is real content (lens covered) and is kept.
            FrameImage second = s.grab();
            assertThat(second.sequence()).isEqualTo(1);
            assertThat(second.bgr()[0] & 0xff).isEqualTo(3);
        }
    }

    @Test
    void dropsAtMostTheConfiguredNumberOfBlackFrames() throws Exception {
        ScriptedGrabber g = new ScriptedGrabber();
        for (int i = 0; i < 4; i++) {
            g.add(frame(8, 6, 3, 0));
        }
        g.add(frame(8, 6, 3, 200));
        try (GrabberSource s = camera(g, 2)) {
            s.open();
            assertThat(s.grab().bgr()[0] & 0xff).isZero();
            assertThat(g.frames).hasSize(2);
        }
    }

    @Test
    void grayAndBgraFramesBecomePackedBgr() throws Exception {
        ScriptedGrabber g = new ScriptedGrabber().add(frame(5, 4, 1, 77)).add(frame(5, 4, 4, 99));
        try (GrabberSource s = camera(g, 0)) {
            s.open();
            FrameImage gray = s.grab();
            assertThat(gray.width()).isEqualTo(5);
            assertThat(gray.height()).isEqualTo(4);
            assertThat(gray.bgr()).hasSize(5 * 4 * 3).containsOnly((byte) 77);
            FrameImage bgra = s.grab();
            assertThat(bgra.bgr()).hasSize(5 * 4 * 3).containsOnly((byte) 99);
        }
    }

    @Test
    void framesAreCopiesNotViewsOfTheGrabbersBuffer() throws Exception {
        Frame reused = frame(4, 4, 3, 10);
        ScriptedGrabber g = new ScriptedGrabber().add(reused).add(reused);
        try (GrabberSource s = camera(g, 0)) {
            s.open();
            FrameImage first = s.grab();
            ((ByteBuffer) reused.image[0]).put(0, (byte) 250);
            FrameImage second = s.grab();
            assertThat(first.bgr()[0]).isEqualTo((byte) 10);
            assertThat(second.bgr()[0] & 0xff).isEqualTo(250);
        }
    }

    @Test
    void aCameraThatStopsDeliveringFailsWithOneLine() throws Exception {
        ScriptedGrabber g = new ScriptedGrabber().add(frame(4, 4, 3, 90));
        try (GrabberSource s = camera(g, 0)) {
            s.open();
            assertThat(s.grab()).isNotNull();
            assertThatThrownBy(s::grab).isInstanceOf(SourceException.class)
                    .hasMessageContaining("camera test stopped delivering frames")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void aGrabberThatThrowsBecomesASourceException() throws Exception {
        FrameGrabber broken = new ScriptedGrabber() {
            @Override
            public Frame grab() {
                throw new IllegalStateException("device unplugged\nwith native details");
            }
        };
        try (GrabberSource s = new GrabberSource("camera 3", () -> broken, GrabberOptions.camera())) {
            s.open();
            assertThatThrownBy(s::grab).isInstanceOf(SourceException.class)
                    .hasMessage("camera 3 stopped delivering frames: device unplugged");
        }
    }

    @Test
    void aFiniteSourceEndsWithNullAndCloseReleasesOnce() throws Exception {
        ScriptedGrabber g = new ScriptedGrabber().add(frame(4, 4, 3, 90));
        GrabberSource s = new GrabberSource("video x", () -> g, new GrabberOptions(false, false, false, 0));
        s.open();
        assertThat(s.grab()).isNotNull();
        assertThat(s.grab()).isNull();
        s.close();
        s.close();
        assertThat(g.released).isTrue();
        assertThat(s.grab()).isNull();
        assertThatThrownBy(s::open).isInstanceOf(SourceException.class).hasMessageContaining("closed");
    }

    @Test
    void meanBrightnessSeparatesBlackFromDim() {
        assertThat(GrabberSource.meanBrightness(new byte[300])).isZero();
        byte[] dim = new byte[300];
        java.util.Arrays.fill(dim, (byte) 40);
        assertThat(GrabberSource.meanBrightness(dim)).isGreaterThan(GrabberSource.DARK_MEAN);
    }
}
