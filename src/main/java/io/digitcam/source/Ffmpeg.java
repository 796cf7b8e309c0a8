package io.digitcam.source;

import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg prints stream summaries and warnings to stderr by default; errors reach us as exceptions. */
final class Ffmpeg {
    private static volatile boolean quiet;

    private Ffmpeg() {
    }

    static void quiet() {
        if (!quiet) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            quiet = true;
        }
    }
}
