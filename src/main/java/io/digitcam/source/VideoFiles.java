package io.digitcam.source;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** Video files (anything FFmpeg decodes), played at their own rate and looped, like a camera. */
public final class VideoFiles {
    private VideoFiles() {
    }

    public static GrabberSource source(Path file) {
        return source(file, GrabberOptions.videoFile());
    }

    /** With {@code options.paced()} false the file plays as fast as it decodes (benchmarks). */
    public static GrabberSource source(Path file, GrabberOptions options) {
        return new GrabberSource("video " + file.getFileName(), () -> {
            // FFmpeg's own message for these is "Could not open input", which says less.
            if (!Files.exists(file)) {
                throw new SourceException(file + ": no such file");
            }
            if (Files.isDirectory(file)) {
                throw new SourceException(file + ": is a directory");
            }
            if (!Files.isReadable(file)) {
                throw new SourceException(file + ": permission denied");
            }
            Ffmpeg.quiet();
            return new FFmpegFrameGrabber(file.toFile());
        }, options);
    }
}
