package io.digitcam.util;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * The one line a user sees for an exception: in the CLI's error output, in the app's status bar
 * and inside our own exceptions' messages. Native libraries throw messages of many lines, and
 * file exceptions carry only the path.
 */
public final class ErrorText {
    private static final int MAX_LENGTH = 200;

    private ErrorText() {
    }

    public static String oneLine(Throwable e) {
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String first = m.strip().lines().findFirst().orElse("").strip();
        return first.length() > MAX_LENGTH ? first.substring(0, MAX_LENGTH) + "…" : first;
    }
}
