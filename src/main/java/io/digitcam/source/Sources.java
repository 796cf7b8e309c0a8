package io.digitcam.source;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns what the user typed (--source, the UI's source box) into a FrameSource, not yet opened
 * (the caller opens it on its grabber thread, where a slow or failing open does not freeze the UI):
 * "camera" (the first camera), "camera:N" (by index), "camera:NAME" (by name, as listed),
 * "demo", or a path to an image or video file.
 */
public final class Sources {
    private Sources() {
    }

    public static FrameSource open(String spec, CameraSpec defaults) throws SourceException {
        String s = spec == null ? "" : spec.strip();
        if (s.isEmpty()) {
            throw new SourceException("no source given (camera, camera:N, camera:NAME, demo or a file)");
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("demo")) {
            return new DemoSource();
        }
        if (lower.equals("camera")) {
            return Cameras.source(defaults);
        }
        if (lower.startsWith("camera:")) {
            String which = s.substring("camera:".length()).strip();
            if (which.isEmpty()) {
                throw new SourceException("\"" + s + "\": camera index or name missing after \"camera:\"");
            }
            if (which.matches("\\d{1,4}")) {
                return Cameras.source(defaults.withIndex(Integer.parseInt(which)));
            }
            return Cameras.source(defaults.withName(which));
        }
        Path file;
        try {
            file = Path.of(s);
        } catch (RuntimeException e) {
            throw new SourceException("\"" + s + "\" is not a camera, \"demo\" or a valid file path");
        }
        return ImageFiles.looksLikeImage(file) ? new ImageSource(file) : VideoFiles.source(file);
    }
}
