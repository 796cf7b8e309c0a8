package io.digitcam.synth;

import io.digitcam.model.DigitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The scene renderers by name, for the command line. */
public final class Renderers {
    public static final List<String> NAMES = List.of("raster");

    private Renderers() {
    }

    public static SceneRenderer create(String name, DigitSet handwriting, long seed, Set<Condition> excluded) {
        if (name.equals("raster")) {
            return new io.digitcam.synth.raster.RasterScenes(handwriting, seed, excluded);
        }
        throw new IllegalArgumentException("unknown renderer " + name + " (known: " + String.join(", ", NAMES) + ")");
    }

    /** For picocli's completion candidates. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
