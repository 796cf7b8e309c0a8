package io.digitcam.cli;

import io.digitcam.bench.StartupBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "startup", mixinStandardHelpOptions = true,
        description = {"Launch the app on the demo several times, each a new process, and print when the window, "
                + "the first frame and the first drawn digits appeared (ms after the process was started).",
                "Needs a display (or xvfb-run)."})
final class BenchStartupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "5", description = "Launches. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--launcher", paramLabel = "FILE",
            description = "The launcher to start (default: this installation's bin/digitcam, else this JVM's class path).")
    Path launcher;

    @Option(names = "--source", defaultValue = "demo", description = "What the app shows. Default: ${DEFAULT-VALUE}.")
    String source;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1) {
            err.println("digitcam: --runs must be at least 1");
            return 2;
        }
        if (!AppCommand.hasDisplay()) {
            err.println("digitcam: no display to open the window on; run it under xvfb-run");
            return 1;
        }
        List<String> command = command();
        out.println("launching " + runs + " times: " + String.join(" ", command));
        out.flush();
        StartupBenchmark.Result result;
        try {
            result = new StartupBenchmark(command, 60).run(runs, i -> {
                out.println("  run " + i + " done");
                out.flush();
            });
        } catch (java.io.IOException e) {
            err.println("digitcam: " + e.getMessage());
            return 1;
        }
        out.println();
        out.println("ms after the process was started (jvm: the JVM's own start time)");
        out.printf("%-14s", "step");
        for (int i = 1; i <= result.runs().size(); i++) {
            out.printf("%8s", "run " + i);
        }
        out.printf("%9s%8s%n", "median", "p95");
        for (var step : result.steps().entrySet()) {
            out.printf("%-14s", step.getKey());
            for (StartupBenchmark.Run r : result.runs()) {
                Double v = r.steps().get(step.getKey());
                out.printf("%8s", v == null ? "-" : String.format("%.0f", v));
            }
            out.printf("%9.0f%8.0f%n", step.getValue().median(), step.getValue().p95());
        }
        return 0;
    }

    private List<String> command() {
        List<String> c = new ArrayList<>();
        Path installed = installedLauncher();
        if (launcher != null) {
            c.add(launcher.toString());
        } else if (installed != null) {
            c.add(installed.toString());
        } else {
            c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            c.add("-Xmx4g");
            c.add("-cp");
            c.add(System.getProperty("java.class.path"));
            c.add(Main.class.getName());
        }
        c.add("app");
        c.add("--source");
        c.add(source);
        return c;
    }

    // The appassembler launcher passes its installation folder as app.home.
    private static Path installedLauncher() {
        String home = System.getProperty("app.home");
        if (home == null) {
            return null;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
        Path p = Path.of(home, "bin", windows ? "digitcam.bat" : "digitcam");
        return Files.isExecutable(p) ? p : null;
    }
}
