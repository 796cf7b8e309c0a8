package io.digitcam.cli;

import java.util.Map;

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
                    + "' (" + shown + "): " + range.message());
        }
    }

    boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** What a value out of range is told. */
    String message() {
        return "must be between " + shown(min) + " and " + shown(max);
    }

    private static String shown(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
