package io.digitcam.train;

import io.digitcam.data.DigitSet;
import io.digitcam.model.Batches;
import io.digitcam.model.DigitImages;
import io.digitcam.samples.SampleLabel;
import io.digitcam.vision.NormalizerSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A folder of one person's labelled digits, the format the app's "teach" saves and
 * {@code finetune} / {@code evaluate --images} read: {@code DIR/<label>/*.png}, label {@code 0}..{@code 9}
 * or {@code not-a-digit}, each PNG a crop as the camera saw it (a JSON sidecar beside it is
 * ignored here). Every image becomes the 28×28 crop the live pipeline would have made of it
 * ({@link SampleImage}).
 *
 * <p>The split into tuning and held-out parts hashes the file name, so a sample stays on its side
 * as more are added: a model tuned on one run's tuning part is never scored on it the next run.
 * Each label with two or more samples has at least one on each side.
 */
public final class PersonalSamples {
    /** The folder the app saves "not a digit" samples in. */
    public static final String NOT_A_DIGIT_FOLDER = SampleLabel.NOT_A_DIGIT_NAME;
    /** Share of each label held out for scoring, in percent of the hash range. */
    static final int HELD_OUT_PERCENT = 20;

    /**
     * What was read. {@code skipped} counts images that could not be read or held no ink;
     * {@code warnings} says which, one line each (folders with no images, unknown folder names too).
     */
    public record Samples(DigitSet tune, DigitSet heldOut, int skipped, List<String> warnings) {
        public DigitSet all() {
            return Trainer.concat(tune, heldOut);
        }

        public int size() {
            return tune.size() + heldOut.size();
        }
    }

    /** The folder is missing, not a folder, or holds no usable sample; the message is one line. */
    public static final class SamplesException extends IOException {
        public SamplesException(String message) {
            super(message);
        }
    }

    private final NormalizerSettings settings;

    public PersonalSamples(NormalizerSettings settings) {
        this.settings = settings;
    }

    public PersonalSamples() {
        this(NormalizerSettings.DEFAULT);
    }

    /** The label a folder name stands for, or -1. */
    public static int label(String folder) {
        if (folder.equals(NOT_A_DIGIT_FOLDER)) {
            return Batches.NOT_A_DIGIT;
        }
        return folder.length() == 1 && folder.charAt(0) >= '0' && folder.charAt(0) <= '9' ? folder.charAt(0) - '0' : -1;
    }

    public Samples read(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            throw new SamplesException(dir + ": no such folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new SamplesException(dir + ": not a folder (expected DIR/<label>/*.png, label 0-9 or "
                    + NOT_A_DIGIT_FOLDER + ")");
        }
        List<String> warnings = new ArrayList<>();
        ByteArrayOutputStream tunePixels = new ByteArrayOutputStream();
        ByteArrayOutputStream tuneLabels = new ByteArrayOutputStream();
        ByteArrayOutputStream heldPixels = new ByteArrayOutputStream();
        ByteArrayOutputStream heldLabels = new ByteArrayOutputStream();
        int skipped = 0;
        SampleImage reader = new SampleImage(settings);
        for (Path sub : list(dir)) {
            if (!Files.isDirectory(sub)) {
                continue;
            }
            String name = sub.getFileName().toString();
            int label = label(name);
            if (label < 0) {
                warnings.add(sub + ": not a label folder (0-9 or " + NOT_A_DIGIT_FOLDER + "), ignored");
                continue;
            }
            List<Path> pngs = list(sub).stream().filter(PersonalSamples::isPng).toList();
            if (pngs.isEmpty()) {
                warnings.add(sub + ": no PNG images");
                continue;
            }
            List<Named> crops = new ArrayList<>();
            for (Path png : pngs) {
                byte[] crop = readOne(reader, png, warnings);
                if (crop == null) {
                    skipped++;
                } else {
                    crops.add(new Named(png.getFileName().toString(), hash(png.getFileName().toString()), crop));
                }
            }
            for (Named n : split(crops)) {
                (n.heldOut ? heldPixels : tunePixels).writeBytes(n.crop);
                (n.heldOut ? heldLabels : tuneLabels).write(label);
            }
        }
        if (tuneLabels.size() + heldLabels.size() == 0) {
            throw new SamplesException(dir + ": no usable samples (expected DIR/<label>/*.png, label 0-9 or "
                    + NOT_A_DIGIT_FOLDER + (skipped > 0 ? "; " + skipped + " image(s) could not be read" : "") + ")");
        }
        String source = "personal samples in " + dir;
        return new Samples(new DigitSet(tunePixels.toByteArray(), tuneLabels.toByteArray(), source, null),
                new DigitSet(heldPixels.toByteArray(), heldLabels.toByteArray(), source, null), skipped, warnings);
    }

    private record Named(String name, int hash, byte[] crop, boolean heldOut) {
        Named(String name, int hash, byte[] crop) {
            this(name, hash, crop, false);
        }

        Named held(boolean h) {
            return new Named(name, hash, crop, h);
        }
    }

    /** Held out when the name hashes into the first {@value #HELD_OUT_PERCENT}%; each side gets one if it can. */
    private static List<Named> split(List<Named> crops) {
        List<Named> sorted = new ArrayList<>(crops);
        sorted.sort(Comparator.comparingInt(Named::hash).thenComparing(Named::name));
        List<Named> out = new ArrayList<>();
        for (Named n : sorted) {
            out.add(n.held(n.hash % 100 < HELD_OUT_PERCENT));
        }
        long held = out.stream().filter(Named::heldOut).count();
        if (out.size() >= 2 && held == 0) {
            out.set(0, out.get(0).held(true));
        } else if (out.size() >= 2 && held == out.size()) {
            out.set(out.size() - 1, out.get(out.size() - 1).held(false));
        }
        return out;
    }

    private static byte[] readOne(SampleImage reader, Path png, List<String> warnings) {
        BufferedImage image;
        try {
            image = ImageIO.read(png.toFile());
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            warnings.add(png + ": not a readable PNG, skipped");
            return null;
        }
        byte[] crop = reader.normalize(image);
        if (crop == null || crop.length != DigitImages.PIXELS) {
            warnings.add(png + ": no ink found, skipped");
            return null;
        }
        return crop;
    }

    private static boolean isPng(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new SamplesException(dir + ": cannot be listed");
        }
    }

    /** 0..99 from SHA-256 of the name: stable across runs, machines and Java versions. */
    static int hash(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            int v = ((d[0] & 0xff) << 24 | (d[1] & 0xff) << 16 | (d[2] & 0xff) << 8 | (d[3] & 0xff)) >>> 1;
            return v % 100;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
