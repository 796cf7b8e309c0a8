package io.digitcam.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What the command-line tests share: digitcam run in-process, its output and errors kept. */
abstract class CommandLineTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return DigitCamCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
