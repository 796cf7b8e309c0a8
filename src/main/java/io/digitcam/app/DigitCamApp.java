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

    public static void launchAndWait(AppSettings settings) {
        configure(settings);
        Application.launch(DigitCamApp.class);
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
