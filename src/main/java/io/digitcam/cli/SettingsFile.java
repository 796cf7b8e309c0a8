package io.digitcam.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.PicocliException;

/**
 * A settings file as picocli's {@link CommandLine.PropertiesDefaultProvider} reads it, checked
 * first: picocli would skip a malformed file with a log line and ignore an unknown key, and a user
 * who mistyped a setting deserves one line naming the key and the value.
 *
 * <p>Keys are an option's longest name without dashes ({@code min-confidence}), for every command
 * that has it, or that qualified with the full command path, root included
 * ({@code digitcam.predict.min-confidence}); picocli never reads {@code predict.min-confidence},
 * so that form is reported. A value is checked by parsing {@code <command path> --key=value}, so
 * the complaint is picocli's own, then against its {@link OptionRange}.
 */
final class SettingsFile {
    private static final Pattern BAD_ESCAPE = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*(\\\\u(?![0-9a-fA-F]{4})\\S{0,4})");

    private final String name;
    private final Map<String, String> entries;
    private final List<String> repeated;

    private SettingsFile(String name, Map<String, String> entries, List<String> repeated) {
        this.name = name;
        this.entries = entries;
        this.repeated = repeated;
    }

    static SettingsFile load(Path file) throws SettingsException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new SettingsException(List.of(name + ": is a directory, not a settings file"));
        }
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        Properties recorder = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (entries.put((String) key, (String) value) != null) {
                    repeated.add((String) key);
                }
                return super.put(key, value);
            }
        };
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            recorder.load(in);
        } catch (NoSuchFileException e) {
            throw new SettingsException(List.of(name + ": no such file"));
        } catch (AccessDeniedException e) {
            throw new SettingsException(List.of(name + ": permission denied"));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(List.of(name + ": " + malformed(file, e)));
        } catch (IOException e) {
            throw new SettingsException(List.of(name + ": cannot be read: " + e.getMessage()));
        }
        return new SettingsFile(name, entries, repeated);
    }

    /** Properties says only "Malformed \\uxxxx encoding."; find the line (a Windows path, usually). */
    private static String malformed(Path file, IllegalArgumentException e) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).stripLeading();
                Matcher m = BAD_ESCAPE.matcher(line);
                if (!line.startsWith("#") && !line.startsWith("!") && m.find()) {
                    return "line " + (i + 1) + ": malformed \\uXXXX escape '" + m.group(1)
                            + "' (write a backslash as \\\\, e.g. C:\\\\Users)";
                }
            }
        } catch (IOException ignored) {
            // the message below says enough
        }
        return "malformed: " + e.getMessage();
    }

    /** Keys and values in file order; for a repeated key, the last value (as picocli sees it). */
    Map<String, String> entries() {
        return entries;
    }

    /**
     * Every problem, one line each, in file order. {@code tree} is parsed once per value: picocli
     * resets each option to its initial value before a parse, so one tree serves every dry run
     * (it must not be the tree that runs the command).
     */
    List<String> problems(CommandLine tree, Map<String, OptionRange> ranges) {
        Map<String, List<Target>> keys = keys(tree);
        List<String> problems = new ArrayList<>();
        for (String key : new LinkedHashSet<>(repeated)) {
            problems.add(name + ": key '" + key + "' is set more than once; only the last value, '"
                    + entries.get(key) + "', is used");
        }
        String root = tree.getCommandName() + ".";
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String key = e.getKey();
            List<Target> targets = keys.get(key);
            if (targets == null) {
                problems.add(keys.containsKey(root + key)
                        ? name + ": key '" + key + "' is ignored: picocli reads qualified keys with the full command name, '"
                        + root + key + "'"
                        : unknown(key, keys));
                continue;
            }
            String error = null;
            for (int i = 0; i < targets.size() && error == null; i++) {
                error = dryRun(tree, targets.get(i), e.getValue());
            }
            OptionRange range = ranges.get(targets.get(0).plainKey());
            if (error == null && range != null && !range.contains(Double.parseDouble(e.getValue().trim()))) {
                error = range.message();
            }
            if (error != null) {
                problems.add(name + ": " + key + " = '" + e.getValue() + "': " + error);
            }
        }
        return problems;
    }

    void validate(CommandLine tree, Map<String, OptionRange> ranges) throws SettingsException {
        List<String> problems = problems(tree, ranges);
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
    }

    private String unknown(String key, Map<String, List<Target>> keys) {
        String closest = null;
        int best = 3;
        for (String candidate : keys.keySet()) {
            int d = distance(key, candidate);
            if (d < best) {
                best = d;
                closest = candidate;
            }
        }
        List<String> plain = keys.keySet().stream().filter(k -> !k.contains(".")).toList();
        return name + ": unknown key '" + key + "'" + (closest == null ? "" : ", did you mean '" + closest + "'?")
                + " (known: " + String.join(", ", plain) + ")";
    }

    /** picocli's complaint about {@code value} for this option, or null if it parses. */
    private static String dryRun(CommandLine tree, Target t, String value) {
        List<String> args = new ArrayList<>(t.path());
        args.add(t.option() + "=" + value);
        try {
            tree.parseArgs(args.toArray(String[]::new));
            return null;
        } catch (MissingParameterException e) {
            // Other required arguments (predict's FILE) are missing from a dry run: only this option counts.
            return e.getMissing().stream().anyMatch(a -> a instanceof OptionSpec o && o.longestName().equals(t.option()))
                    ? e.getMessage() : null;
        } catch (PicocliException e) {
            return e.getMessage();
        }
    }

    /** An option a key sets: the subcommands leading to it, its longest name, its unqualified key. */
    private record Target(List<String> path, String option, String plainKey) {
    }

    /** Every key the tree reads (plain and fully qualified), sorted, with what each sets. */
    private static Map<String, List<Target>> keys(CommandLine tree) {
        Map<String, List<Target>> keys = new TreeMap<>();
        walk(tree, List.of(), keys);
        return keys;
    }

    private static void walk(CommandLine cl, List<String> path, Map<String, List<Target>> keys) {
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (!o.usageHelp() && !o.versionHelp()) {
                String key = o.longestName().replaceFirst("^[^\\p{javaJavaIdentifierPart}]+", "");
                Target t = new Target(path, o.longestName(), key);
                keys.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
                keys.put(cl.getCommandSpec().qualifiedName(".") + "." + key, List.of(t));
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getCommandName());
            walk(sub, List.copyOf(subPath), keys);
        }
    }

    /** Optimal string alignment distance: edits, with a swap of neighbours counting as one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                d[i][j] = i == 0 || j == 0 ? i + j : Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
