package io.digitcam.source;

/** Native libraries throw multi-line messages; the status bar has one line. */
final class Messages {
    private Messages() {
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String first = m.strip().lines().findFirst().orElse("").strip();
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }
}
