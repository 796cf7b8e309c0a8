package io.digitcam.app;

import io.digitcam.live.LiveResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.application.Platform;

/**
 * Notes when the app reaches each step of its start (the JVM's main, native libraries, JavaFX,
 * the window, the models, the source, the first frame and the first drawn digits), for
 * {@code digitcam bench startup}. Off unless the environment names a report file: the bench
 * launches the app as a user would (the launcher, a new JVM), which an environment variable
 * always reaches.
 *
 * <p>Times are wall-clock epoch milliseconds, the only clock the launching process shares with
 * this one; the bench subtracts the moment it started the process. When the first digits have been
 * handed to the view the report is written and the app closes.
 */
public final class StartupProbe {
    static final String REPORT_VARIABLE = "DIGITCAM_STARTUP_REPORT";
    private static final Path REPORT = report();
    private static final Map<String, Long> MARKS = new LinkedHashMap<>();
    private static boolean done;

    private StartupProbe() {
    }

    private static Path report() {
        String file = System.getenv(REPORT_VARIABLE);
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    static boolean enabled() {
        return REPORT != null;
    }

    /** Any thread: the app has got this far (the first time counts). */
    public static void mark(String step) {
        if (REPORT != null) {
            long now = System.currentTimeMillis();
            synchronized (MARKS) {
                MARKS.putIfAbsent(step, now);
            }
        }
    }

    /** UI thread: a result has just been handed to the view. */
    static void shown(LiveResult r) {
        if (done) {
            return;
        }
        mark("first frame");
        if (r.reading() != null && !r.tracking().digits().isEmpty()) {
            mark("first overlay");
            done = true;
            write();
            Platform.exit();
        }
    }

    private static void write() {
        String json;
        synchronized (MARKS) {
            MARKS.putIfAbsent("jvm", java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
            json = MARKS.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                    .collect(Collectors.joining(",", "{", "}\n"));
        }
        try {
            Files.writeString(REPORT, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("digitcam: cannot write the startup report " + REPORT + ": " + e.getMessage());
        }
    }
}
