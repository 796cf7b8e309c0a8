package io.digitcam.synth;

import io.digitcam.data.DigitSet;
import io.digitcam.synth.classic.ClassicScenes;
import io.digitcam.synth.raster.RasterScenes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The scene renderers by name, for the command line; {@code raster,classic} takes both in turn. */
public final class Renderers {
    public static final List<String> NAMES = List.of("raster", "classic");

    private Renderers() {
    }

    public static SceneRenderer create(String names, DigitSet handwriting, long seed, Set<Condition> excluded) {
        List<SceneRenderer> parts = new ArrayList<>();
        for (String name : names.split(",")) {
            parts.add(switch (name.trim()) {
                case "raster" -> new RasterScenes(handwriting, seed, excluded);
                case "classic" -> new ClassicScenes(handwriting, seed, excluded);
                default -> throw new IllegalArgumentException("unknown renderer " + name.trim() + " (known: "
                        + String.join(", ", NAMES) + ")");
            });
        }
        return parts.size() == 1 ? parts.get(0) : new SceneMix(parts);
    }

    /** For picocli's completion candidates. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
