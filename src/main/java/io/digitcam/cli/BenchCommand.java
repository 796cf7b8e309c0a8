package io.digitcam.cli;

import io.digitcam.model.ClassifierBenchmark;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and print the figures.",
        subcommands = {BenchCommand.Classifier.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "classifier", mixinStandardHelpOptions = true,
            description = "Latency of the digit classifier per batch and per crop (median, p95), "
                    + "for the compiled path and DL4J's own.")
    static final class Classifier implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", paramLabel = "FILE", defaultValue = DefaultPaths.MODEL,
                description = "Default: ${DEFAULT-VALUE}.")
        Path model;

        @Option(names = "--batches", split = ",", defaultValue = "1,4,16", description = "Default: ${DEFAULT-VALUE}.")
        int[] batches;

        @Option(names = "--iterations", defaultValue = "300",
                description = "Timed calls per batch size. Default: ${DEFAULT-VALUE}.")
        int iterations;

        @Option(names = "--threads", defaultValue = "1", description = "ND4J native threads. Default: ${DEFAULT-VALUE}.")
        int threads;

        @Override
        public Integer call() throws Exception {
            new ClassifierBenchmark(DefaultPaths.resolve(model), threads, iterations).run(batches, spec.commandLine().getOut());
            return 0;
        }
    }
}
