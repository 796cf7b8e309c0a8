package io.digitcam.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.PicocliException;

/**
 * Checks the settings file that {@link CommandLine.PropertiesDefaultProvider} feeds to the CLI,
 * so that a typo or a bad value is a one-line message naming the key and the value instead of
 * a stack trace, or, worse, a setting that is silently ignored.
 *
 * <p>Keys follow picocli 4.7's {@code PropertiesDefaultProvider}: an option's key is its longest
 * name without dashes ({@code min-confidence}), or its description key. A plain key applies to
 * every command that has the option. A qualified key is prefixed with the command's
 * <em>full</em> qualified name, root included: {@code digitcam.predict.min-confidence}; picocli
 * never reads {@code predict.min-confidence}, so that form is reported as ignored unless
 * {@link #acceptingSubcommandQualifiedKeys()} says a custom default provider reads it.
 *
 * <p>Values are checked by a dry-run parse of {@code <subcommand path> --key=value} on a fresh
 * command tree, so the message is picocli's own; ranges picocli does not know are added with
 * {@code validators} (key → message or null).
 */
public final class ConfigFile {
    private static final Pattern BAD_UNICODE = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*(\\\\u(?![0-9a-fA-F]{4})\\S{0,4})");

    private final String name;
    private final Map<String, String> entries;
    private final List<String> duplicates;
    private final boolean subcommandQualified;

    private ConfigFile(String name, Map<String, String> entries, List<String> duplicates, boolean subcommandQualified) {
        this.name = name;
        this.entries = entries;
        this.duplicates = duplicates;
        this.subcommandQualified = subcommandQualified;
    }

    /** Reads the file as {@link Properties#load(InputStream)} does (ISO-8859-1, \\u escapes). */
    public static ConfigFile load(Path file) throws ConfigException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException(List.of(name + ": is a directory, not a settings file"));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException(name + ": permission denied", e);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(name, bytes);
    }

    /** As {@link #load(Path)}, from bytes; {@code name} is how messages refer to the file. */
    public static ConfigFile parse(String name, byte[] bytes) throws ConfigException {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        Properties recorder = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (entries.containsKey((String) key)) {
                    duplicates.add((String) key);
                }
                entries.put((String) key, (String) value);
                return super.put(key, value);
            }
        };
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            recorder.load(in);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(malformed(name, new String(bytes, StandardCharsets.ISO_8859_1), e), e);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot be read: " + e.getMessage(), e);
        }
        return new ConfigFile(name, Collections.unmodifiableMap(entries), List.copyOf(duplicates), false);
    }

    private static String malformed(String name, String text, IllegalArgumentException e) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].stripLeading();
            if (trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue; // comments are not unescaped
            }
            Matcher m = BAD_UNICODE.matcher(lines[i]);
            if (m.find()) {
                return name + ": line " + (i + 1) + ": malformed \\uXXXX escape '" + m.group(1)
                        + "' (write a backslash as \\\\, e.g. C:\\\\Users)";
            }
        }
        return name + ": malformed: " + e.getMessage();
    }

    /**
     * The same settings, but {@code predict.min-confidence} (subcommand path without the root's
     * name) counts as a qualified key too, for a default provider that reads that form.
     */
    public ConfigFile acceptingSubcommandQualifiedKeys() {
        return new ConfigFile(name, entries, duplicates, true);
    }

    /** Keys and values in file order; for a repeated key, the last value (as picocli sees it). */
    public Map<String, String> entries() {
        return entries;
    }

    /** Problems with these settings for the command tree built by {@code root}'s user object's class. */
    public List<String> problems(CommandLine root, Map<String, Function<String, String>> validators) {
        Object user = root.getCommandSpec().userObject();
        if (user == null || user instanceof CommandSpec) {
            throw new IllegalArgumentException("a programmatic command tree needs problems(Supplier, ...)");
        }
        Class<?> type = user instanceof Class<?> c ? c : user.getClass();
        CommandLine.IFactory factory = root.getFactory();
        return problems(() -> new CommandLine(type, factory), validators);
    }

    /**
     * Problems with these settings, one line each, in file order; empty if the settings are
     * usable. {@code freshTree} must build a new, identical command tree on every call: each
     * value is parsed on its own tree so that no parse sees another's values.
     */
    public List<String> problems(Supplier<CommandLine> freshTree, Map<String, Function<String, String>> validators) {
        Objects.requireNonNull(freshTree, "freshTree");
        Map<String, Function<String, String>> rules = validators == null ? Map.of() : validators;
        Keys keys = new Keys(freshTree.get());
        List<String> problems = new ArrayList<>();
        for (String key : new LinkedHashSet<>(duplicates)) {
            problems.add(name + ": key '" + key + "' is set more than once; only the last value, '"
                    + entries.get(key) + "', is used");
        }
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            List<Target> targets = keys.targets(key, subcommandQualified);
            if (targets.isEmpty()) {
                problems.add(unknown(key, keys));
                continue;
            }
            String error = null;
            for (Target t : targets) {
                error = dryRun(freshTree, t, value);
                if (error != null) {
                    break;
                }
            }
            if (error == null) {
                error = validate(rules, key, targets.get(0).key(), value);
            }
            if (error != null) {
                problems.add(name + ": " + key + " = '" + value + "': " + error);
            }
        }
        return problems;
    }

    /** As {@link #problems(CommandLine, Map)}, throwing them all at once. */
    public void validate(CommandLine root, Map<String, Function<String, String>> validators) throws ConfigException {
        List<String> problems = problems(root, validators);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** As {@link #problems(Supplier, Map)}, throwing them all at once. */
    public void validate(Supplier<CommandLine> freshTree, Map<String, Function<String, String>> validators)
            throws ConfigException {
        List<String> problems = problems(freshTree, validators);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private String unknown(String key, Keys keys) {
        String qualifiedTo = keys.ignoredQualified.get(key);
        if (qualifiedTo != null) {
            return name + ": key '" + key + "' is ignored: picocli reads qualified keys with the full command name, '"
                    + qualifiedTo + "'";
        }
        StringBuilder sb = new StringBuilder(name).append(": unknown key '").append(key).append("'");
        String closest = null;
        int best = 3;
        for (String candidate : keys.all()) {
            int d = distance(key, candidate);
            if (d < best) {
                best = d;
                closest = candidate;
            }
        }
        if (closest != null) {
            sb.append(", did you mean '").append(closest).append("'?");
        }
        return sb.append(" (known: ").append(String.join(", ", keys.plain.keySet())).append(")").toString();
    }

    private static String validate(Map<String, Function<String, String>> rules, String key, String plainKey,
            String value) {
        for (String k : new String[] {key, plainKey}) {
            Function<String, String> rule = rules.get(k);
            if (rule != null) {
                String error;
                try {
                    error = rule.apply(value);
                } catch (RuntimeException e) {
                    error = "not accepted (" + e.getMessage() + ")";
                }
                if (error != null) {
                    return error;
                }
            }
        }
        return null;
    }

    /** picocli's complaint about {@code value} for this option, or null if it parses. */
    private static String dryRun(Supplier<CommandLine> freshTree, Target t, String value) {
        List<String> args = new ArrayList<>(t.path());
        args.add(t.optionName() + "=" + value);
        try {
            freshTree.get().parseArgs(args.toArray(String[]::new));
            return null;
        } catch (MissingParameterException e) {
            // Other required arguments (e.g. predict's FILE) are missing from the dry run; only
            // a complaint about this option counts.
            boolean ours = e.getMissing() != null && e.getMissing().stream().anyMatch(a -> isOption(a, t.optionName()));
            return ours ? e.getMessage() : null;
        } catch (ParameterException e) {
            return e.getMessage();
        } catch (PicocliException e) {
            return e.getMessage();
        }
    }

    private static boolean isOption(ArgSpec a, String longestName) {
        return a instanceof OptionSpec o && o.longestName().equals(longestName);
    }

    /** One command that reads a key: the subcommand names from the root, and the option's longest name. */
    private record Target(List<String> path, String optionName, String key) {
    }

    /** Every key the tree reads, by the forms picocli looks up. */
    private static final class Keys {
        final Map<String, List<Target>> plain = new TreeMap<>();
        final Map<String, Target> qualified = new TreeMap<>();
        /** subcommand path without the root's name → the full form picocli reads */
        final Map<String, String> ignoredQualified = new TreeMap<>();
        final Map<String, Target> subcommandQualified = new TreeMap<>();

        Keys(CommandLine root) {
            walk(root, List.of(), Collections.newSetFromMap(new IdentityHashMap<>()));
        }

        private void walk(CommandLine cl, List<String> path, Set<CommandLine> seen) {
            if (!seen.add(cl)) {
                return;
            }
            CommandSpec spec = cl.getCommandSpec();
            String qualifiedName = spec.qualifiedName(".");
            for (OptionSpec o : spec.options()) {
                if (o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                for (String key : keysOf(o)) {
                    Target t = new Target(path, o.longestName(), key);
                    plain.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
                    qualified.put(qualifiedName + "." + key, t);
                    if (!path.isEmpty()) {
                        String shortForm = String.join(".", path) + "." + key;
                        ignoredQualified.put(shortForm, qualifiedName + "." + key);
                        subcommandQualified.put(shortForm, t);
                    }
                }
            }
            for (CommandLine sub : cl.getSubcommands().values()) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(sub.getCommandName());
                walk(sub, List.copyOf(subPath), seen);
            }
        }

        private static List<String> keysOf(OptionSpec o) {
            List<String> keys = new ArrayList<>();
            if (o.descriptionKey() != null && !o.descriptionKey().isEmpty()) {
                keys.add(o.descriptionKey());
            }
            keys.add(stripPrefix(o.longestName()));
            return keys;
        }

        /** As picocli's PropertiesDefaultProvider: drop the leading dashes (or slash). */
        private static String stripPrefix(String name) {
            for (int i = 0; i < name.length(); i++) {
                if (Character.isJavaIdentifierPart(name.charAt(i))) {
                    return name.substring(i);
                }
            }
            return name;
        }

        List<Target> targets(String key, boolean acceptSubcommandQualified) {
            List<Target> p = plain.get(key);
            if (p != null) {
                return p;
            }
            Target q = qualified.get(key);
            if (q == null && acceptSubcommandQualified) {
                q = subcommandQualified.get(key);
            }
            return q == null ? List.of() : List.of(q);
        }

        Set<String> all() {
            Set<String> all = new TreeSet<>(plain.keySet());
            all.addAll(qualified.keySet());
            return all;
        }
    }

    /** Optimal string alignment distance: edits, with a swap of neighbours counting as one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    // Validators for ranges picocli does not know. Each returns null when the value is fine; they
    // only run after picocli has accepted the value's type.

    /** A number in [min, max]. */
    public static Function<String, String> between(double min, double max) {
        return v -> {
            double x = Double.parseDouble(v.trim());
            return x >= min && x <= max ? null : "must be between " + fmt(min) + " and " + fmt(max);
        };
    }

    /** A whole number ≥ min. */
    public static Function<String, String> atLeast(long min) {
        return v -> Long.parseLong(v.trim()) >= min ? null : "must be at least " + min;
    }

    /** Any condition, with its message. */
    public static Function<String, String> rule(Predicate<String> ok, String message) {
        return v -> ok.test(v) ? null : message;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
