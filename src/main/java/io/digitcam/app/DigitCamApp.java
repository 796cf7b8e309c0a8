package io.digitcam.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application. {@link Application#launch} instantiates this class itself, so the
 * settings reach it through {@link #configure}.
 */
public final class DigitCamApp extends Application {
    private static volatile AppSettings pending;
    private static volatile boolean jvmExiting;
    private static boolean quietInstalled;
    private LiveController controller;

    public static void configure(AppSettings settings) {
        pending = settings;
    }

    public static void launchAndWait(AppSettings settings) {
        configure(settings);
        Application.launch(DigitCamApp.class);
    }

    @Override
    public void start(Stage stage) {
        quietRendererOnExit();
        MainWindow window = new MainWindow(stage);
        controller = new LiveController(pending, window);
        window.attach(controller);
        stage.setOnCloseRequest(e -> Platform.exit());
        stage.show();
        controller.start();
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.close();
        }
    }

    /**
     * Ctrl+C or a kill shuts JavaFX's renderer down while the window may still be painting, and
     * the refused paint job reached the terminal as a stack trace. That refusal is expected then;
     * anything else still goes to the default handler. Once per JVM: the tests start the app
     * many times on the same JavaFX thread.
     */
    private static void quietRendererOnExit() {
        if (quietInstalled) {
            return;
        }
        quietInstalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> jvmExiting = true, "digitcam-exit-flag"));
        Thread fx = Thread.currentThread();
        Thread.UncaughtExceptionHandler previous = fx.getUncaughtExceptionHandler();
        fx.setUncaughtExceptionHandler((thread, e) -> {
            if (jvmExiting && e instanceof java.util.concurrent.RejectedExecutionException) {
                return;
            }
            previous.uncaughtException(thread, e);
        });
    }

    LiveController controller() {
        return controller;
    }
}
