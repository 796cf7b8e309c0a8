package io.digitcam.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The user's personal samples: {@code <folder>/<label>/<timestamp>-<n>.png}, label {@code 0}..{@code 9}
 * or {@code not-a-digit}, each with a JSON sidecar of the same name. Files are written under
 * hidden temporary names and moved into place, PNG last, so a sample's image never exists
 * without its sidecar and a failure leaves nothing behind; an existing file is never replaced.
 *
 * <p>Blocking; call it off the JavaFX thread. One store per folder and thread at a time (the app
 * writes from one background thread); names are still reserved with create-new, so two apps on
 * one folder do not collide.
 */
public final class SampleStore {
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss-SSS", Locale.ROOT);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;
    private final Clock clock;

    public SampleStore(Path folder) {
        this(folder, Clock.systemDefaultZone());
    }

    public SampleStore(Path folder, Clock clock) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path folder() {
        return folder;
    }

    public SavedSample save(SampleCrop crop, SampleLabel label, SampleInfo info) throws SampleException {
        byte[] png = png(crop);
        Path dir = folder.resolve(label.folder());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure(dir, e);
        }
        ZonedDateTime time = ZonedDateTime.now(clock);
        String stem = STAMP.format(time);
        for (int n = 1; n < 10_000; n++) {
            String base = stem + "-" + n;
            Path image = dir.resolve(base + ".png");
            Path json = dir.resolve(base + ".json");
            Path tempImage = dir.resolve("." + base + ".png.tmp");
            Path tempJson = dir.resolve("." + base + ".json.tmp");
            try {
                // Creating the temp file with create-new reserves the name.
                Files.write(tempImage, png, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw failure(dir, e);
            }
            try {
                if (Files.exists(image) || Files.exists(json)) {
                    Files.deleteIfExists(tempImage);
                    continue;
                }
                Files.write(tempJson, sidecar(image.getFileName().toString(), label, info, crop, time));
                Files.move(tempJson, json, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tempImage, image, StandardCopyOption.ATOMIC_MOVE);
                return new SavedSample(label, image, json, count(dir), total());
            } catch (IOException | RuntimeException e) {
                deleteQuietly(tempImage);
                deleteQuietly(tempJson);
                deleteQuietly(json);
                throw failure(dir, e);
            }
        }
        throw new SampleException("samples folder " + dir + ": no free name for " + stem);
    }

    /** Samples of one label so far. */
    public int count(SampleLabel label) {
        return count(folder.resolve(label.folder()));
    }

    /** Samples of every label so far. */
    public int total() {
        int n = 0;
        for (int d = -1; d <= 9; d++) {
            n += count(SampleLabel.of(d));
        }
        return n;
    }

    private static int count(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".png") && !name.startsWith(".");
            }).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static byte[] png(SampleCrop crop) throws SampleException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(crop.image(), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SampleException("could not encode the sample as PNG: " + e.getMessage(), e);
        }
    }

    private static byte[] sidecar(String image, SampleLabel label, SampleInfo info, SampleCrop crop,
                                  ZonedDateTime time) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("image", image);
        n.put("label", label.folder());
        n.put("time", time.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        n.put("source", info.source());
        ObjectNode frame = n.putObject("frame");
        frame.put("width", info.frameWidth());
        frame.put("height", info.frameHeight());
        frame.put("sequence", info.frameSequence());
        array(n, "box", info.box().toArray());
        array(n, "crop", crop.region().toArray());
        n.put("margin", SampleCrop.MARGIN);
        ObjectNode reading = n.putObject("reading");
        putLabel(reading, "label", "confidence", info.shownLabel(), info.shownConfidence());
        putLabel(reading, "frameLabel", "frameConfidence", info.frameLabel(), info.frameConfidence());
        if (info.model() == null) {
            n.putNull("model");
        } else {
            ObjectNode model = n.putObject("model");
            Path name = info.model().getFileName();
            model.put("file", name == null ? info.model().toString() : name.toString());
            model.put("sha256", info.modelSha256());
        }
        return JSON.writeValueAsBytes(n);
    }

    private static void putLabel(ObjectNode node, String labelKey, String confidenceKey, int label, double confidence) {
        if (label < 0) {
            node.putNull(labelKey);
            node.putNull(confidenceKey);
        } else {
            node.put(labelKey, label);
            node.put(confidenceKey, Math.round(confidence * 1e4) / 1e4);
        }
    }

    private static void array(ObjectNode n, String key, int[] values) {
        var a = n.putArray(key);
        for (int v : values) {
            a.add(v);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // Hidden temp names only; the next save picks another name.
        }
    }

    private static SampleException failure(Path dir, Exception e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String lower = reason.toLowerCase(Locale.ROOT);
        if (e instanceof AccessDeniedException || lower.contains("read-only") || lower.contains("permission denied")) {
            return new SampleException("samples folder " + dir + " is read-only", e);
        }
        if (e instanceof FileAlreadyExistsException || lower.contains("not a directory")) {
            return new SampleException("samples folder " + dir + " cannot be created: a file is in the way", e);
        }
        return new SampleException("samples folder " + dir + ": " + reason, e);
    }
}
