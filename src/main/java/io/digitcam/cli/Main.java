package io.digitcam.cli;

/**
 * Entry point. Kept free of JavaFX types so the CLI (and the app, launched from here) starts from
 * a plain classpath without the JavaFX module-path dance.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        io.digitcam.app.StartupProbe.mark("main");
        System.exit(DigitCamCommand.run(args));
    }
}
