package io.digitcam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class SettingsFileTest {
    @Command(name = "app", mixinStandardHelpOptions = true, subcommands = Predict.class)
    static class App implements Runnable {
        @Option(names = {"-m", "--model"})
        Path model;

        @Option(names = "--threads")
        int threads;

        @Override
        public void run() {
        }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true)
    static class Predict implements Runnable {
        @Option(names = "--min-confidence")
        double minConfidence;

        @Parameters(arity = "1..*")
        List<Path> inputs; // required: the dry run must not trip over it

        @Override
        public void run() {
        }
    }

    private static final Map<String, OptionRange> RANGES = Map.of(
            "min-confidence", new OptionRange(0, 1),
            "threads", new OptionRange(1, 64));

    @TempDir
    Path tmp;

    private Path write(String text) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("config"));
        return Files.writeString(dir.resolve("digitcam.properties"), text, StandardCharsets.ISO_8859_1);
    }

    private List<String> problems(String text) throws Exception {
        return SettingsFile.load(write(text)).problems(new CommandLine(new App()), RANGES);
    }

    private String file() {
        return tmp.resolve("config").resolve("digitcam.properties").toString();
    }

    @Test
    void validFilePasses() throws Exception {
        Path p = write("""
                # comment with a stray \\u escape is fine
                model = models/digitcam-cnn.zip
                threads = 4
                min-confidence = 0.5
                app.threads = 2
                app.predict.min-confidence = 0.75
                """);
        SettingsFile config = SettingsFile.load(p);
        assertThat(config.entries()).containsExactly(
                Map.entry("model", "models/digitcam-cnn.zip"), Map.entry("threads", "4"),
                Map.entry("min-confidence", "0.5"), Map.entry("app.threads", "2"),
                Map.entry("app.predict.min-confidence", "0.75"));
        App root = new App();
        assertThat(config.problems(new CommandLine(root), RANGES)).isEmpty();
        config.validate(new CommandLine(root), RANGES); // does not throw
        assertThat(root.threads).as("picocli resets options before each dry run: no value is left behind").isZero();
    }

    @Test
    void unknownKeyNamesItAndSuggestsTheClosest() throws Exception {
        assertThat(problems("modle = x.zip\ncolour = red\nthread = 2\n")).containsExactly(
                file() + ": unknown key 'modle', did you mean 'model'? (known: min-confidence, model, threads)",
                file() + ": unknown key 'colour' (known: min-confidence, model, threads)",
                file() + ": unknown key 'thread', did you mean 'threads'? (known: min-confidence, model, threads)");
        // Only the longest name is a key, as for picocli; help options are not settings.
        assertThat(problems("m = x.zip\nhelp = true\n")).hasSize(2)
                .allMatch(s -> s.contains("unknown key"));
    }

    @Test
    void wrongTypeNamesKeyValueAndPicocliReason() throws Exception {
        assertThat(problems("threads = abc\nmin-confidence = high\n")).containsExactly(
                file() + ": threads = 'abc': Invalid value for option '--threads': 'abc' is not an int",
                file() + ": min-confidence = 'high': Invalid value for option '--min-confidence': 'high' is not a double");
        // Properties keeps trailing blanks, and so does picocli: the quotes show why "4 " fails.
        assertThat(problems("threads = 4 \n")).containsExactly(
                file() + ": threads = '4 ': Invalid value for option '--threads': '4 ' is not an int");
    }

    @Test
    void qualifiedKeysUseTheFullCommandName() throws Exception {
        assertThat(problems("app.predict.min-confidence = abc\n")).containsExactly(file()
                + ": app.predict.min-confidence = 'abc': Invalid value for option '--min-confidence': 'abc' is not a double");
        // picocli never reads predict.min-confidence: say so rather than let it be silently ignored.
        assertThat(problems("predict.min-confidence = 0.5\n")).containsExactly(file()
                + ": key 'predict.min-confidence' is ignored: picocli reads qualified keys with the full command name,"
                + " 'app.predict.min-confidence'");
    }

    @Test
    void picocliReallyIgnoresSubcommandOnlyQualifiedKeys() {
        // The behaviour the "ignored" message above relies on (picocli 4.7.6).
        Properties p = new Properties();
        p.setProperty("predict.min-confidence", "0.25");
        CommandLine cli = new CommandLine(new App());
        cli.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(p));
        cli.parseArgs("predict", "x.png");
        assertThat(((Predict) cli.getSubcommands().get("predict").getCommand()).minConfidence).isZero();

        p.setProperty("app.predict.min-confidence", "0.25");
        CommandLine again = new CommandLine(new App());
        again.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(p));
        again.parseArgs("predict", "x.png");
        assertThat(((Predict) again.getSubcommands().get("predict").getCommand()).minConfidence).isEqualTo(0.25);
    }

    @Test
    void rangeValidatorsApplyToPlainAndQualifiedKeys() throws Exception {
        assertThat(problems("min-confidence = 1.5\nthreads = 0\napp.predict.min-confidence = -0.1\n")).containsExactly(
                file() + ": min-confidence = '1.5': must be between 0 and 1",
                file() + ": threads = '0': must be between 1 and 64",
                file() + ": app.predict.min-confidence = '-0.1': must be between 0 and 1");
    }

    @Test
    void malformedEscapeIsOneLineWithTheLineNumber() throws Exception {
        Path p = write("threads = 2\nmodel = C:\\users\\me\\m.zip\n");
        assertThatThrownBy(() -> SettingsFile.load(p))
                .isInstanceOf(SettingsException.class)
                .hasMessage(p + ": line 2: malformed \\uXXXX escape '\\users' (write a backslash as \\\\, e.g. C:\\\\Users)");
    }

    @Test
    void unreadableFileIsOneLine() throws Exception {
        Path missing = tmp.resolve("nope.properties");
        assertThatThrownBy(() -> SettingsFile.load(missing)).isInstanceOf(SettingsException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> SettingsFile.load(tmp)).isInstanceOf(SettingsException.class)
                .hasMessage(tmp + ": is a directory, not a settings file");
    }

    @Test
    void repeatedKeyIsReportedWithTheValueThatWins() throws Exception {
        assertThat(problems("threads = 2\nthreads = 3\n")).containsExactly(
                file() + ": key 'threads' is set more than once; only the last value, '3', is used");
    }

    @Test
    void validateThrowsAllProblemsOneLineEach() throws Exception {
        SettingsFile config = SettingsFile.load(write("modle = x\nthreads = abc\nmin-confidence = 7\n"));
        assertThatThrownBy(() -> config.validate(new CommandLine(new App()), RANGES))
                .isInstanceOfSatisfying(SettingsException.class, e -> {
                    assertThat(e.problems()).hasSize(3);
                    assertThat(e.getMessage().lines()).hasSize(3).containsExactlyElementsOf(e.problems());
                    assertThat(e.problems().get(1)).contains("threads = 'abc'");
                });
    }

    @Test
    void shippedSettingsFileIsValidForTheRealCli() throws Exception {
        SettingsFile shipped = SettingsFile.load(Path.of("config", "digitcam.properties"));
        assertThat(shipped.entries()).containsKey("model");
        assertThat(shipped.problems(new CommandLine(new DigitCamCommand()), Map.of())).isEmpty();
        // And a typo in it would be caught against the real tree.
        SettingsFile typo = SettingsFile.load(write("modle = models/digitcam-cnn.zip\npredict.min-confidence = 2\n"));
        assertThat(typo.problems(new CommandLine(new DigitCamCommand()), Map.of())).satisfiesExactly(
                s -> assertThat(s).contains("unknown key 'modle', did you mean 'model'?"),
                s -> assertThat(s).contains("'digitcam.predict.min-confidence'"));
    }
}
