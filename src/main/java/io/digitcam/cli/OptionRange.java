package io.digitcam.cli;

import io.digitcam.config.ConfigFile;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A numeric option's allowed values, which picocli's types cannot express. One table serves
 * the command line and the settings file, so both accept the same values.
 */
record OptionRange(double min, double max) {
    static final Map<String, OptionRange> BY_NAME = Map.of(
            "min-confidence", new OptionRange(0, 1),
            "threads", new OptionRange(1, 64),
            "width", new OptionRange(1, 7680),
            "height", new OptionRange(1, 4320),
            "fps", new OptionRange(1, 240));

    /** Stops the command with picocli's usage error (exit 2) naming the option, if out of range. */
    static void check(picocli.CommandLine.Model.CommandSpec spec, String option, double value) {
        OptionRange range = BY_NAME.get(option);
        if (!range.contains(value)) {
            String shown = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--" + option
                    + "' (" + shown + "): " + ConfigFile.between(range.min(), range.max()).apply(shown));
        }
    }

    boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** The same limits as checks on the settings file's values. */
    static Map<String, Function<String, String>> settingChecks() {
        return BY_NAME.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> ConfigFile.between(e.getValue().min(), e.getValue().max())));
    }
}
