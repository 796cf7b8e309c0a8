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
    private static volatile java.util.concurrent.CompletableFuture<ModelPreload.Models> preloaded;
    private LiveController controller;

    private static volatile Tuning tuning;

    public static void configure(AppSettings settings) {
        configure(settings, null);
    }

    /** {@code learn}: what the Learn button runs instead of the real trainer (tests); null for the real one. */
    static void configure(AppSettings settings, Tuning learn) {
        pending = settings;
        preloaded = null;
        tuning = learn;
    }

    /** Runs the window until it is closed; returns the exit status (non-zero after Ctrl+C or a kill). */
    public static int launchAndWait(AppSettings settings) {
        NativeLibraries.load(settings);
        StartupProbe.mark("natives");
        configure(settings);
        preloaded = ModelPreload.start(settings);
        ExitSignals.install();
        Application.launch(DigitCamApp.class);
        return ExitSignals.status();
    }

    @Override
    public void start(Stage stage) {
        StartupProbe.mark("javafx");
        MainWindow window = new MainWindow(stage);
        controller = new LiveController(pending, window, preloaded, tuning != null ? tuning : new HandwritingTuning());
        preloaded = null;
        window.attach(controller);
        stage.setOnCloseRequest(e -> Platform.exit());
        if (StartupProbe.enabled()) {
            stage.setOnShown(e -> StartupProbe.mark("window"));
            window.onShown(StartupProbe::shown);
        }
        stage.show();
        controller.start();
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.close();
        }
    }

    LiveController controller() {
        return controller;
    }
}
