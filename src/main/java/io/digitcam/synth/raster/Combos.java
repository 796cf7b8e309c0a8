package io.digitcam.synth.raster;

import io.digitcam.synth.Condition;
import io.digitcam.synth.Condition.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which instrument goes on which surface, and how often. Weights put light-on-dark at about a
 * quarter of the scenes (chalk and chalk markers on boards, paint and gel on black card, screens
 * in dark mode), and spread the rest over the instruments people actually use.
 */
final class Combos {
    record Combo(String ink, String surface, boolean dark, double weight) {
    }

    private static final List<Combo> ALL = new ArrayList<>();

    private static void add(String ink, boolean dark, Object... surfaceWeights) {
        for (int i = 0; i < surfaceWeights.length; i += 2) {
            ALL.add(new Combo(ink, (String) surfaceWeights[i], dark, ((Number) surfaceWeights[i + 1]).doubleValue()));
        }
    }

    static {
        add("pencil", false, "paper", 1.0, "ruled", 1.0, "squared", 0.7, "sticky", 0.4, "card", 0.3, "cardboard", 0.2);
        for (String b : new String[] {"ballpoint-blue", "ballpoint-black", "ballpoint-red"}) {
            add(b, false, "paper", 1.0, "ruled", 1.0, "squared", 0.7, "sticky", 0.5, "card", 0.3, "cardboard", 0.2);
        }
        add("gel", false, "paper", 0.6, "ruled", 0.5, "squared", 0.3, "sticky", 0.3, "card", 0.3);
        add("marker", false, "paper", 0.7, "sticky", 0.6, "card", 0.5, "cardboard", 0.5, "screen", 0.3);
        add("whiteboard-marker", false, "whiteboard", 2.0);
        add("printed", false, "paper", 1.0, "sticky", 0.2, "card", 0.4, "cardboard", 0.3, "screen", 0.8);
        add("chalk", true, "chalkboard", 3.0);
        add("chalk-marker", true, "chalkboard", 1.2, "card", 0.8);
        add("marker", true, "card", 0.8, "screen", 0.5);
        add("gel", true, "card", 0.4);
        add("printed", true, "screen", 0.9, "card", 0.4);
    }

    private final List<Combo> allowed = new ArrayList<>();
    private double total;

    Combos(Set<Condition> excluded) {
        for (Combo c : ALL) {
            if (!excluded.contains(Condition.of(Family.INK, c.ink()))
                    && !excluded.contains(Condition.of(Family.SURFACE, c.surface()))
                    && !excluded.contains(Condition.of(Family.POLARITY, polarity(c.dark())))) {
                allowed.add(c);
                total += c.weight();
            }
        }
    }

    static String polarity(boolean dark) {
        return dark ? "light-on-dark" : "dark-on-light";
    }

    boolean isEmpty() {
        return allowed.isEmpty();
    }

    Combo pick(SplittableRandom rng) {
        double r = rng.nextDouble(total);
        for (Combo c : allowed) {
            r -= c.weight();
            if (r < 0) {
                return c;
            }
        }
        return allowed.get(allowed.size() - 1);
    }

    static List<String> inks() {
        return ALL.stream().map(Combo::ink).distinct().toList();
    }

    static List<String> surfaces() {
        return ALL.stream().map(Combo::surface).distinct().toList();
    }
}
