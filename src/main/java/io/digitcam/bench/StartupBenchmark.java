package io.digitcam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitcam.bench.LatencyStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Launches the app as a user would, a new process each time, and reads back when it reached each
 * step of its start (the app writes them when {@code DIGITCAM_STARTUP_REPORT} names a file, and
 * closes itself once it has drawn digits).
 */
public final class StartupBenchmark {
    /** The steps in the order the app reaches them. */
    public static final List<String> STEPS = List.of("jvm", "main", "settings", "command", "openblas", "natives", "javafx", "window", "models",
            "first frame", "first overlay");

    /** Milliseconds after the launching process started the app's process, per step. */
    public record Run(Map<String, Double> steps) {
    }

    public record Result(List<Run> runs, Map<String, LatencyStats> steps) {
    }

    private final List<String> command;
    private final long timeoutSeconds;

    /** {@code command}: the app's launcher and its arguments (it must show the demo or a file). */
    public StartupBenchmark(List<String> command, long timeoutSeconds) {
        this.command = List.copyOf(command);
        this.timeoutSeconds = timeoutSeconds;
    }

    public Result run(int runs, java.util.function.IntConsumer progress) throws IOException, InterruptedException {
        List<Run> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            all.add(once());
            progress.accept(i + 1);
        }
        Map<String, LatencyStats> steps = new LinkedHashMap<>();
        for (String step : STEPS) {
            double[] v = all.stream().map(r -> r.steps().get(step)).filter(x -> x != null).mapToDouble(x -> x).toArray();
            if (v.length > 0) {
                steps.put(step, LatencyStats.of(v));
            }
        }
        return new Result(all, steps);
    }

    private Run once() throws IOException, InterruptedException {
        Path report = Files.createTempFile("digitcam-startup", ".json");
        Path log = Files.createTempFile("digitcam-startup", ".log");
        try {
            Files.delete(report);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("DIGITCAM_STARTUP_REPORT", report.toString());
            long start = System.currentTimeMillis();
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the app drew no digits within " + timeoutSeconds + " s" + tail(log));
            }
            if (!Files.exists(report)) {
                throw new IOException("the app ended (status " + p.exitValue() + ") before drawing digits" + tail(log));
            }
            JsonNode r = new ObjectMapper().readTree(report.toFile());
            Map<String, Double> steps = new LinkedHashMap<>();
            for (String step : STEPS) {
                if (r.has(step)) {
                    steps.put(step, (double) (r.get(step).asLong() - start));
                }
            }
            return new Run(steps);
        } finally {
            Files.deleteIfExists(report);
            Files.deleteIfExists(log);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1);
    }
}
