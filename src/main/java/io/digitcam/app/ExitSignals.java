package io.digitcam.app;

import java.util.List;
import javafx.application.Platform;
import sun.misc.Signal;

/**
 * Ctrl+C and {@code kill} close the window as its close button does, and the process then exits
 * with the signal's usual status (130, 143).
 *
 * <p>Left to the JVM, a signal runs JavaFX's shutdown hook, which stops the renderer while the
 * window may still be painting; the refused paint job reached the terminal as a stack trace in
 * most kills. The JavaFX thread reports it itself, past any handler an application can set.
 */
final class ExitSignals {
    /** Time the window gets to close before the process exits anyway (a stuck JavaFX thread). */
    private static final long GRACE_MILLIS = 5_000;
    private static volatile int status;

    private ExitSignals() {
    }

    static void install() {
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), signal -> close(128 + signal.getNumber()));
            } catch (IllegalArgumentException unavailable) {
                // No such signal here (TERM on Windows) or signals are reserved (-Xrs): the JVM's default stands.
            }
        }
    }

    /** 0, or the status the signal that closed the window asks for. */
    static int status() {
        return status;
    }

    private static void close(int exitStatus) {
        status = exitStatus;
        Platform.exit();
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            System.exit(exitStatus);
        }, "digitcam-exit-deadline");
        deadline.setDaemon(true);
        deadline.start();
    }
}
