package io.digitcam.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.digitcam.util.ErrorText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "digitcam", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Reads handwritten digits from a camera, images and videos.",
        subcommands = {AppCommand.class, PredictCommand.class, TrainCommand.class, TrainVerifierCommand.class,
                EvaluateCommand.class, FineTuneCommand.class, BenchCommand.class, ImportKerasCommand.class,
                WatchCommand.class})
public final class DigitCamCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log DL4J/ND4J and DigitCam internals at INFO.")
    void setVerbose(boolean verbose) {
        if (verbose) {
            for (String name : new String[] {"org.nd4j", "org.deeplearning4j", "io.digitcam"}) {
                ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
            }
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** No subcommand means the app: `digitcam` and `digitcam --source demo` open the window. */
    static String[] withDefaultCommand(String... args) {
        java.util.Set<String> own = java.util.Set.of("-h", "--help", "-V", "--version");
        java.util.Set<String> subcommands = java.util.Set.of("app", "predict", "train", "train-verifier", "evaluate",
                "finetune", "bench", "import-keras", "watch", "help");
        for (String a : args) {
            if (subcommands.contains(a) || own.contains(a)) {
                return args;
            }
        }
        String[] out = new String[args.length + 1];
        out[0] = "app";
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        args = withDefaultCommand(args);
        if (args.length > 0 && args[0].equals("app") && !java.util.Arrays.asList(args).contains("--help")) {
            io.digitcam.app.NativeLibraries.startLoading();
        }
        CommandLine cli = new CommandLine(new DigitCamCommand()).setOut(out).setErr(err);
        java.util.Properties settings;
        try {
            settings = settings(java.util.List.of(DefaultPaths.settings(), DefaultPaths.userSettings()));
        } catch (SettingsException e) {
            for (String line : e.getMessage().split("\\R")) {
                err.println("digitcam: " + line);
            }
            err.flush();
            return 1;
        }
        io.digitcam.app.StartupProbe.mark("settings");
        cli.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(settings));
        cli.getCommandSpec().usageMessage().footer("", "Settings (yours, if you make the file, override the shipped ones):",
                "  " + DefaultPaths.settings(), "  " + DefaultPaths.userSettings(),
                "Captures, trained models and reports go to:", "  " + DefaultPaths.captures().getParent());
        return execute(cli, args);
    }

    /**
     * The settings files that exist, read in order, a later one overriding an earlier one key by
     * key (the shipped defaults, then the user's own). Each is checked on its own, so that a
     * message names the file the bad key is in.
     */
    static java.util.Properties settings(java.util.List<Path> files) throws SettingsException {
        java.util.Properties settings = new java.util.Properties();
        // One tree for every dry run (see SettingsFile): building one per key cost more than half
        // a second of every start.
        CommandLine probe = null;
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                // picocli would skip a malformed file with a log line and quietly ignore unknown
                // keys; a user who mistyped a setting deserves to be told which one.
                SettingsFile config = SettingsFile.load(file);
                probe = probe != null ? probe : new CommandLine(new DigitCamCommand());
                config.validate(probe, OptionRange.BY_NAME);
                settings.putAll(config.entries());
            }
        }
        return settings;
    }

    /** One line per failure for the user; the stack trace only with --verbose. */
    static int execute(CommandLine cli, String... args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("digitcam: " + ErrorText.oneLine(ex));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }
}
