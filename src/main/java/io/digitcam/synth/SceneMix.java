package io.digitcam.synth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Several renderers taken in turn (scene i is renderer i mod n's scene i / n), to train on all of them. */
public final class SceneMix implements SceneRenderer {
    private final List<SceneRenderer> parts;

    public SceneMix(List<SceneRenderer> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no renderer to mix");
        }
        this.parts = List.copyOf(parts);
    }

    @Override
    public SynthScene render(long index) {
        return parts.get((int) (index % parts.size())).render(index / parts.size());
    }

    @Override
    public Set<Condition> conditions() {
        Set<Condition> all = new HashSet<>();
        parts.forEach(p -> all.addAll(p.conditions()));
        return all;
    }
}
