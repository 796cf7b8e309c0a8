package io.digitcam.synth.classic;

import io.digitcam.data.DigitSet;
import io.digitcam.synth.Condition;
import io.digitcam.synth.Condition.Family;
import io.digitcam.synth.SceneRenderer;
import io.digitcam.synth.SynthDigit;
import io.digitcam.synth.SynthScene;
import io.digitcam.vision.Box;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The first generator as a {@link SceneRenderer}: its own drawing code (Java2D strokes and
 * fonts, its own room, light and camera), so it widens what a verifier is trained on, and a
 * verifier trained on the raster renderer can be scored on it.
 *
 * <p>It knows less about its scenes than the raster renderer: it tags ink, polarity and empty
 * frames only. It can leave out boards (chalk, light on dark), empty frames and font digits, and
 * refuses to leave out anything else it draws, so that no held-out figure is made from scenes that
 * quietly contained the held-out condition.
 */
public final class ClassicScenes implements SceneRenderer {
    static final Condition PEN = Condition.of(Family.INK, "pen");
    static final Condition PRINTED = Condition.of(Family.INK, "printed");
    static final Condition CHALK = Condition.of(Family.INK, "chalk");
    static final Condition PAPER = Condition.of(Family.SURFACE, "paper");
    static final Condition CHALKBOARD = Condition.of(Family.SURFACE, "chalkboard");
    static final Condition DARK_ON_LIGHT = Condition.of(Family.POLARITY, "dark-on-light");
    static final Condition LIGHT_ON_DARK = Condition.of(Family.POLARITY, "light-on-dark");
    static final Condition EMPTY = Condition.of(Family.CLUTTER, "empty");
    private static final Set<Condition> DRAWN = Set.of(PEN, PRINTED, CHALK, PAPER, CHALKBOARD, DARK_ON_LIGHT,
            LIGHT_ON_DARK, EMPTY);
    private static final Set<Condition> CAN_LEAVE_OUT = Set.of(PRINTED, CHALK, CHALKBOARD, LIGHT_ON_DARK, EMPTY);

    private final DigitSet handwriting;
    private final long seed;
    private final boolean boards;
    private final boolean empties;
    private final boolean fonts;

    public ClassicScenes(DigitSet handwriting, long seed, Set<Condition> excluded) {
        for (Condition c : excluded) {
            if (DRAWN.contains(c) && !CAN_LEAVE_OUT.contains(c)) {
                throw new IllegalArgumentException("the classic renderer cannot leave out " + c);
            }
        }
        this.handwriting = handwriting;
        this.seed = seed;
        this.boards = !(excluded.contains(CHALK) || excluded.contains(CHALKBOARD) || excluded.contains(LIGHT_ON_DARK));
        this.empties = !excluded.contains(EMPTY);
        this.fonts = !excluded.contains(PRINTED);
    }

    @Override
    public SynthScene render(long index) {
        // The generator draws from one random stream; a fresh one per scene makes each scene a
        // function of (seed, index) alone. Scenes of a left-out kind are drawn again as the next kind.
        for (long attempt = 0; ; attempt++) {
            SceneGenerator generator = new SceneGenerator(handwriting, seed * 1_000_003L + index * 7919L + attempt);
            Scene s = generator.nextOfMix((int) ((index + attempt) % Integer.MAX_VALUE));
            boolean allowed = (boards || s.kind() != Scene.Kind.BOARD) && (empties || s.kind() != Scene.Kind.EMPTY)
                    && (fonts || !s.printed());
            if (allowed) {
                return scene(s);
            }
        }
    }

    @Override
    public Set<Condition> conditions() {
        Set<Condition> drawn = new HashSet<>(Set.of(PEN, PAPER, DARK_ON_LIGHT));
        if (boards) {
            drawn.addAll(Set.of(CHALK, CHALKBOARD, LIGHT_ON_DARK));
        }
        if (empties) {
            drawn.add(EMPTY);
        }
        if (fonts) {
            drawn.add(PRINTED);
        }
        return drawn;
    }

    static SynthScene scene(Scene s) {
        boolean board = s.kind() == Scene.Kind.BOARD;
        Set<Condition> tags = board ? Set.of(CHALK, CHALKBOARD, LIGHT_ON_DARK)
                : Set.of(s.printed() ? PRINTED : PEN, PAPER, DARK_ON_LIGHT);
        List<SynthDigit> digits = s.digits().stream().map(d -> new SynthDigit(d.label(),
                new Box(d.box().x, d.box().y, d.box().width, d.box().height), tags)).toList();
        Set<Condition> conditions = s.kind() == Scene.Kind.EMPTY ? Set.of(EMPTY) : Set.of();
        // The generator's camera stage already gives TYPE_3BYTE_BGR, as SynthScene requires.
        return new SynthScene(s.image(), digits, s.numbers(), conditions);
    }
}
