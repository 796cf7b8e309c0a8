package io.digitcam.synth.raster;

import io.digitcam.data.DigitSet;
import io.digitcam.synth.Condition;
import io.digitcam.synth.Condition.Family;
import io.digitcam.synth.SceneRenderer;
import io.digitcam.synth.SynthDigit;
import io.digitcam.synth.SynthScene;
import io.digitcam.vision.Box;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Renderer B: webcam scenes drawn as a physical raster model. The sheet is a reflectance texture
 * in its own coordinates; each digit is a distance field (from a warped, thinned MNIST digit or a
 * font glyph) that an instrument turns into absorbed or deposited ink; the sheet is then warped
 * into the frame by a homography, lit per pixel and passed through a camera model.
 */
public final class RasterScenes implements SceneRenderer {
    static final Map<Family, List<String>> VOCAB = new EnumMap<>(Family.class);

    static {
        VOCAB.put(Family.INK, List.of("pencil", "ballpoint-blue", "ballpoint-black", "ballpoint-red", "gel", "marker",
                "whiteboard-marker", "chalk", "chalk-marker", "printed"));
        VOCAB.put(Family.SURFACE, List.of("paper", "ruled", "squared", "sticky", "card", "whiteboard", "chalkboard", "cardboard", "screen"));
        VOCAB.put(Family.POLARITY, List.of("dark-on-light", "light-on-dark"));
        VOCAB.put(Family.FRAMING, List.of("flat", "tilt", "perspective", "partial", "hand", "close-up"));
        VOCAB.put(Family.LIGHT, List.of("daylight", "tungsten", "fluorescent", "under", "over", "glare", "shadow", "vignette"));
        VOCAB.put(Family.CAMERA, List.of("clean", "defocus", "motion", "noise", "jpeg-low"));
        VOCAB.put(Family.CLUTTER, List.of("none", "objects", "text", "photo", "empty"));
    }

    private final HandShapes hands;
    private final long seed;
    private final Set<Condition> excluded;
    private final Combos combos;

    public RasterScenes(DigitSet handwriting, long seed, Set<Condition> excluded) {
        this.hands = new HandShapes(handwriting);
        this.seed = seed;
        this.excluded = Set.copyOf(excluded);
        for (Map.Entry<Family, List<String>> e : VOCAB.entrySet()) {
            if (e.getValue().stream().allMatch(v -> this.excluded.contains(Condition.of(e.getKey(), v)))) {
                throw new IllegalArgumentException("every " + e.getKey() + " value is excluded");
            }
        }
        this.combos = new Combos(this.excluded);
        if (combos.isEmpty()) {
            throw new IllegalArgumentException("no ink, surface and polarity left to draw together");
        }
        if (handwriting.size() == 0) {
            throw new IllegalArgumentException("no handwritten digits");
        }
    }

    @Override
    public Set<Condition> conditions() {
        Set<Condition> all = new LinkedHashSet<>();
        VOCAB.forEach((f, vs) -> vs.forEach(v -> all.add(Condition.of(f, v))));
        if (!Backgrounds.havePhotos()) {
            all.remove(Condition.of(Family.CLUTTER, "photo"));
        }
        all.removeAll(excluded);
        return all;
    }

    boolean allowed(Family f, String v) {
        return !excluded.contains(Condition.of(f, v));
    }

    @Override
    public SynthScene render(long index) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int[] res = resolution(rng);
        int fw = res[0], fh = res[1];
        Set<Condition> scene = new LinkedHashSet<>();

        boolean nonEmptyPossible = allowed(Family.CLUTTER, "none") || allowed(Family.CLUTTER, "objects")
                || allowed(Family.CLUTTER, "text") || (allowed(Family.CLUTTER, "photo") && Backgrounds.havePhotos());
        boolean empty = allowed(Family.CLUTTER, "empty") && (!nonEmptyPossible || rng.nextDouble() < 0.25);
        Combos.Combo combo = combos.pick(rng);
        boolean closeUp = !empty && allowed(Family.FRAMING, "close-up") && rng.nextDouble() < 0.1;

        // Clutter first: an empty frame must still show something, and "none" may be excluded.
        boolean photo = allowed(Family.CLUTTER, "photo") && Backgrounds.havePhotos() && rng.nextDouble() < 0.2;
        boolean objects = allowed(Family.CLUTTER, "objects") && rng.nextDouble() < 0.35;
        boolean text = allowed(Family.CLUTTER, "text") && rng.nextDouble() < 0.3;
        if (!empty && !photo && !objects && !text && !allowed(Family.CLUTTER, "none")) {
            if (allowed(Family.CLUTTER, "objects")) {
                objects = true;
            } else if (allowed(Family.CLUTTER, "text")) {
                text = true;
            } else {
                photo = true;
            }
        }
        boolean sheetShown = !empty || rng.nextDouble() < 0.75;

        Ink ink = Ink.make(combo.ink(), combo.dark(), rng);
        Geometry geo = Geometry.choose(this, combo.surface(), closeUp, sheetShown, fw, fh, rng);
        double digitFrameH = closeUp ? fh * rng.nextDouble(0.35, 0.8)
                : Math.exp(rng.nextDouble(Math.log(12.5), Math.log(fh * 0.28)));
        double hS = digitFrameH * geo.k;
        Sheet sheet = Surfaces.make(combo.surface(), combo.dark(), geo.sw, geo.sh, hS, rng);

        List<List<Placed>> numbers = new ArrayList<>();
        List<List<List<Placed>>> lines = new ArrayList<>();
        if (!empty) {
            lines = Layout.place(this, sheet, geo, ink, hS, closeUp, rng);
        }
        List<int[]> sheetAvoid = new ArrayList<>();
        List<int[]> frameAvoid = new ArrayList<>();
        for (List<List<Placed>> line : lines) {
            for (List<Placed> num : line) {
                numbers.add(num);
                for (Placed p : num) {
                    int m = (int) (p.shape.inkHeight() * 0.4) + 2;
                    sheetAvoid.add(new int[] {p.ox + p.shape.x0() - m, p.oy + p.shape.y0() - m, p.ox + p.shape.x1() + m, p.oy + p.shape.y1() + m});
                    int fm = (int) (p.frameHeight() * 0.25) + 3;
                    frameAvoid.add(new int[] {p.fx0 - fm, p.fy0 - fm, p.fx1 + fm, p.fy1 + fm});
                    ink.apply(sheet, p.shape, p.ox, p.oy, rng);
                }
            }
        }
        boolean textDrawn = false;
        if (text && sheetShown) {
            textDrawn = Layout.words(sheet, geo, ink, hS, sheetAvoid, rng) > 0;
        }

        Img frame = photo ? Backgrounds.photo(fw, fh, rng) : Backgrounds.desk(fw, fh, rng);
        boolean objectsDrawn = false;
        if (objects) {
            objectsDrawn = Props.scatter(frame, rng.nextInt(1, 5), List.of(), true, rng) > 0;
        }
        float[] emissive = null;
        if (sheetShown) {
            emissive = Compose.sheet(frame, sheet, geo, rng);
        }
        if (objects && rng.nextDouble() < 0.5) {
            objectsDrawn |= Props.scatter(frame, rng.nextInt(1, 3), frameAvoid, false, rng) > 0;
        }
        boolean handDrawn = false;
        if (geo.hand && sheetShown) {
            int n = rng.nextDouble() < 0.3 ? 2 : 1;
            for (int t = 0; t < 12 && n > 0; t++) {
                double[] target = geo.edgePoint(rng, fw, fh);
                double size = fh * (closeUp ? rng.nextDouble(0.5, 0.9) : rng.nextDouble(0.3, 0.6));
                int[] box = Props.hand(frame, target[0], target[1], size, frameAvoid, rng);
                if (box != null) {
                    handDrawn = true;
                    n--;
                }
            }
        }

        Set<String> light = chooseLight(rng);
        Light.apply(frame, emissive, light, rng);
        Set<String> cam = chooseCamera(rng);
        byte[] bytes = Camera.apply(frame, cam, rng);

        for (String l : light) {
            scene.add(Condition.of(Family.LIGHT, l));
        }
        for (String c : cam) {
            scene.add(Condition.of(Family.CAMERA, c));
        }
        if (sheetShown) {
            geo.framing.forEach(v -> scene.add(Condition.of(Family.FRAMING, v)));
            if (handDrawn) {
                scene.add(Condition.of(Family.FRAMING, "hand"));
            }
        }
        if (closeUp && !lines.isEmpty()) {
            scene.add(Condition.of(Family.FRAMING, "close-up"));
        }
        if (photo) {
            scene.add(Condition.of(Family.CLUTTER, "photo"));
        }
        if (objectsDrawn) {
            scene.add(Condition.of(Family.CLUTTER, "objects"));
        }
        if (textDrawn) {
            scene.add(Condition.of(Family.CLUTTER, "text"));
        }
        List<SynthDigit> digits = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        Set<Condition> dc = Set.of(Condition.of(Family.INK, combo.ink()), Condition.of(Family.SURFACE, combo.surface()),
                Condition.of(Family.POLARITY, Combos.polarity(combo.dark())));
        for (List<Placed> num : numbers) {
            StringBuilder sb = new StringBuilder();
            for (Placed p : num) {
                digits.add(new SynthDigit(p.label, new Box(p.fx0, p.fy0, p.fx1 - p.fx0, p.fy1 - p.fy0), dc));
                sb.append(p.label);
            }
            strings.add(sb.toString());
        }
        if (digits.isEmpty() && !empty) {
            // Layout found no room for a readable number in this pose: draw another scene instead.
            return render(index + 0x5DEECE66DL);
        }
        if (digits.isEmpty()) {
            scene.add(Condition.of(Family.CLUTTER, "empty"));
            if (!allowed(Family.CLUTTER, "empty")) {
                // Layout found no room at all: rare; a different scene index is the honest fallback.
                return render(index + 0x5DEECE66DL);
            }
        } else if (!photo && !objectsDrawn && !textDrawn) {
            if (!allowed(Family.CLUTTER, "none")) {
                return render(index + 0x5DEECE66DL);
            }
            scene.add(Condition.of(Family.CLUTTER, "none"));
        }
        return new SynthScene(Img.bgr(bytes, fw, fh), digits, strings, scene);
    }

    private static int[] resolution(SplittableRandom rng) {
        double r = rng.nextDouble();
        if (r < 0.1) {
            return new int[] {640, 480};
        } else if (r < 0.15) {
            return new int[] {800, 600};
        } else if (r < 0.22) {
            return new int[] {960, 540};
        } else if (r < 0.3) {
            return new int[] {1920, 1080};
        } else if (r < 0.35) {
            return new int[] {1024, 576};
        }
        return new int[] {1280, 720};
    }

    private Set<String> chooseLight(SplittableRandom rng) {
        Set<String> out = new LinkedHashSet<>();
        List<String> casts = new ArrayList<>();
        for (String c : new String[] {"daylight", "tungsten", "fluorescent"}) {
            if (allowed(Family.LIGHT, c)) {
                casts.add(c);
            }
        }
        if (!casts.isEmpty()) {
            out.add(casts.get(rng.nextInt(casts.size())));
        }
        double ex = rng.nextDouble();
        if (ex < 0.14 && allowed(Family.LIGHT, "under")) {
            out.add("under");
        } else if (ex > 0.88 && allowed(Family.LIGHT, "over")) {
            out.add("over");
        }
        for (String[] o : new String[][] {{"glare", "0.15"}, {"shadow", "0.2"}, {"vignette", "0.25"}}) {
            if (allowed(Family.LIGHT, o[0]) && rng.nextDouble() < Double.parseDouble(o[1])) {
                out.add(o[0]);
            }
        }
        if (out.isEmpty()) {
            for (String v : VOCAB.get(Family.LIGHT)) {
                if (allowed(Family.LIGHT, v)) {
                    out.add(v);
                    break;
                }
            }
        }
        return out;
    }

    private Set<String> chooseCamera(SplittableRandom rng) {
        Set<String> out = new LinkedHashSet<>();
        for (String[] o : new String[][] {{"defocus", "0.14"}, {"motion", "0.1"}, {"noise", "0.25"}, {"jpeg-low", "0.2"}}) {
            if (allowed(Family.CAMERA, o[0]) && rng.nextDouble() < Double.parseDouble(o[1])) {
                out.add(o[0]);
            }
        }
        if (out.isEmpty()) {
            if (allowed(Family.CAMERA, "clean")) {
                out.add("clean");
            } else {
                for (String v : VOCAB.get(Family.CAMERA)) {
                    if (allowed(Family.CAMERA, v)) {
                        out.add(v);
                        break;
                    }
                }
            }
        }
        return out;
    }

    HandShapes hands() {
        return hands;
    }
}
