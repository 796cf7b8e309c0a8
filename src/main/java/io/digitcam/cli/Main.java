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
        // JavaCPP prints its warnings straight to stderr; through SLF4J they obey logback.xml (see there).
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
        System.exit(DigitCamCommand.run(args));
    }
}
