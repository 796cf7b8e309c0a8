package io.digitcam.cli;

import io.digitcam.app.AppSettings;
import io.digitcam.app.DigitCamApp;
import io.digitcam.config.UserFolders;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "app", mixinStandardHelpOptions = true,
        description = "Open the live window (what `digitcam` alone does).")
final class AppCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "camera",
            description = "camera, camera:N (index), camera:NAME, demo, or an image/video file. Default: ${DEFAULT-VALUE}; "
                    + "without a camera the demo is shown.")
    String source;

    // An initial value, not defaultValue: it depends on the user (picocli shows it as the default).
    @Option(names = "--captures", paramLabel = "DIR",
            description = "Folder the Capture button writes to. Default: ${DEFAULT-VALUE}.")
    Path captures = DefaultPaths.captures();

    // Like --captures: an initial value, the user's own data folder (config.UserFolders).
    @Option(names = "--data", paramLabel = "DIR",
            description = "Your data folder: the digits you teach (click a digit's box) and the model fine-tuned on "
                    + "them, which is used instead of the shipped one unless --model is given. Default: ${DEFAULT-VALUE}.")
    Path data = UserFolders.current().data();

    @picocli.CommandLine.Mixin
    ModelOption model;

    @picocli.CommandLine.Mixin
    VerifierOption verifier;

    @Option(names = "--width", defaultValue = "1280", description = "Camera resolution asked for. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--height", defaultValue = "720", description = "Default: ${DEFAULT-VALUE}.")
    int height;

    @Option(names = "--fps", defaultValue = "30", description = "Camera frame rate asked for. Default: ${DEFAULT-VALUE}.")
    double fps;

    @Option(names = "--min-confidence", paramLabel = "P", defaultValue = "0.6",
            description = "Starting threshold: a region is shown as a digit only above it. Default: ${DEFAULT-VALUE}.")
    double minConfidence;

    @Option(names = "--threads", defaultValue = "1",
            description = "Native threads for inference (1 is fastest for a frame's few crops). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Override
    public Integer call() {
        io.digitcam.app.StartupProbe.mark("command");
        check("width", width);
        check("height", height);
        check("fps", fps);
        check("min-confidence", minConfidence);
        check("threads", threads);
        if (!hasDisplay()) {
            spec.commandLine().getErr().println("digitcam: no display to open the window on (DISPLAY is not set); "
                    + "run it on a desktop or under xvfb-run. The CLI commands work without one.");
            return 1;
        }
        // A model named on the command line or in the config file is the user's choice; only the default gives way
        // to the fine-tuned model.
        boolean namedModel = spec.commandLine().getParseResult().hasMatchedOption("--model")
                || !model.model.equals(Path.of(DefaultPaths.MODEL));
        return DigitCamApp.launchAndWait(new AppSettings(source, captures, model.resolved(), verifier.resolved(), width, height, fps,
                minConfidence, threads, data, !namedModel));
    }

    private void check(String option, double value) {
        OptionRange.check(spec, option, value);
    }

    /** True where a window can open: Windows and macOS always, X11 or Wayland elsewhere, or Monocle. */
    static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }
}
