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
    private LiveController controller;

    public static void configure(AppSettings settings) {
        pending = settings;
    }

    /** Runs the window until it is closed; returns the exit status (non-zero after Ctrl+C or a kill). */
    public static int launchAndWait(AppSettings settings) {
        NativeLibraries.load(settings.threads());
        configure(settings);
        ExitSignals.install();
        Application.launch(DigitCamApp.class);
        return ExitSignals.status();
    }

    @Override
    public void start(Stage stage) {
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

    LiveController controller() {
        return controller;
    }
}
