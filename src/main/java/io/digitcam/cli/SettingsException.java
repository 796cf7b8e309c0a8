package io.digitcam.cli;

import java.util.List;

/** A settings file cannot be used; one line per problem, each naming the file, key and value. */
final class SettingsException extends Exception {
    private final List<String> problems;

    SettingsException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
