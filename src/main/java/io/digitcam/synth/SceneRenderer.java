package io.digitcam.synth;

import java.util.Set;

/**
 * Draws webcam-like scenes with domain randomisation. Each renderer is its own drawing code
 * (strokes, textures, light), so that a model trained on one can be scored on another.
 *
 * <p>The same seed gives the same scene on any machine with the same fonts and packages.
 */
public interface SceneRenderer {
    /** Scene number {@code index}: deterministic in the renderer's seed and the index. */
    SynthScene render(long index);

    /** Every condition value this renderer can draw, so a held-out family can be named. */
    Set<Condition> conditions();
}
