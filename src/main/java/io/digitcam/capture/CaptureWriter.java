package io.digitcam.capture;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitcam.recognize.Recognition;
import io.digitcam.recognize.RecognitionJson;
import io.digitcam.render.Annotator;
import io.digitcam.source.FrameImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Saves what the live view shows when the user presses Capture: the raw frame (lossless PNG, so
 * {@code digitcam predict} on it reads what the app read), an annotated copy, and a JSON sidecar
 * holding the {@code predict --json} object plus time, model, settings and source.
 *
 * <p>Names come from the local time, {@code capture-2026-11-22_14-03-07-123.png}, with
 * {@code -2}, {@code -3}… when that name is taken. A name is reserved by creating a hidden lock
 * file with create-new semantics, so concurrent saves, in this process or another, never pick the
 * same one. Each file is written to a temp file in the folder and renamed into place atomically;
 * on any failure whatever was written for this capture is removed, so either all three files
 * exist or none, and no existing file is ever overwritten.
 *
 * <p>Thread-safe; blocking. Call it off the JavaFX application thread.
 */
public final class CaptureWriter {
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss-SSS", Locale.ROOT);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Past this many taken names for one millisecond something else is wrong (e.g. lock files that cannot be deleted). */
    private static final int MAX_SUFFIX = 10_000;

    private final Path folder;
    private final FileSink sink;
    private final Clock clock;

    public CaptureWriter(Path folder) {
        this(folder, FileSink.local(), Clock.systemDefaultZone());
    }

    /** @param clock its zone names the files and offsets the "time" field */
    public CaptureWriter(Path folder, FileSink sink, Clock clock) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path folder() {
        return folder;
    }

    /** Writes the three files of one capture, or none of them. */
    public Capture save(FrameImage frame, Recognition recognition, CaptureContext context) throws CaptureException {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(recognition, "recognition");
        Objects.requireNonNull(context, "context");
        byte[] raw;
        byte[] annotated;
        try (Mat image = toMat(frame)) {
            raw = png(image);
            try (Mat copy = image.clone()) {
                Annotator.draw(copy, recognition, context.sureConfidence());
                annotated = png(copy);
            }
        }
        ensureFolder();
        ZonedDateTime time = ZonedDateTime.now(clock);
        Reservation names = reserve("capture-" + STAMP.format(time));
        try {
            byte[] json = sidecar(names.image().getFileName().toString(), recognition, context, time);
            return names.write(raw, annotated, json);
        } finally {
            names.release();
        }
    }

    private void ensureFolder() throws CaptureException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new CaptureException("captures folder " + folder + " is a file, not a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CaptureException("captures folder " + folder + " cannot be created: " + reason(e), e);
        }
        if (!Files.isWritable(folder)) {
            throw new CaptureException("captures folder " + folder + " is read-only");
        }
    }

    /** The first free base name: its lock created by us, none of its three files present. */
    private Reservation reserve(String stem) throws CaptureException {
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            String base = n == 1 ? stem : stem + "-" + n;
            Path lock = folder.resolve("." + base + ".lock");
            try {
                sink.create(lock).close();
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw failure(e, lock);
            }
            Reservation r = new Reservation(base, lock);
            if (r.targets().stream().noneMatch(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS))) {
                return r;
            }
            r.release();
        }
        throw new CaptureException("captures folder " + folder + ": no free name for " + stem + " after "
                + MAX_SUFFIX + " tries");
    }

    private final class Reservation {
        final String base;
        final Path lock;

        Reservation(String base, Path lock) {
            this.base = base;
            this.lock = lock;
        }

        Path image() {
            return folder.resolve(base + ".png");
        }

        Path annotated() {
            return folder.resolve(base + "-annotated.png");
        }

        Path json() {
            return folder.resolve(base + ".json");
        }

        List<Path> targets() {
            return List.of(image(), annotated(), json());
        }

        Capture write(byte[] raw, byte[] annotated, byte[] json) throws CaptureException {
            List<Path> targets = targets();
            byte[][] contents = {raw, annotated, json};
            List<Path> temps = new ArrayList<>();
            List<Path> moved = new ArrayList<>();
            Path current = null;
            try {
                for (int i = 0; i < 3; i++) {
                    current = targets.get(i);
                    Path temp = folder.resolve("." + current.getFileName() + ".tmp");
                    try (OutputStream out = sink.create(temp)) {
                        temps.add(temp);
                        out.write(contents[i]);
                    }
                }
                for (int i = 0; i < 3; i++) {
                    current = targets.get(i);
                    if (Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                        // Only something outside DigitCam's locking can get here; never replace it.
                        throw new FileAlreadyExistsException(current.toString());
                    }
                    sink.move(temps.get(i), current);
                    moved.add(current);
                }
                return new Capture(image(), annotated(), json());
            } catch (IOException | RuntimeException e) {
                CaptureException failure = failure(e, current);
                for (Path p : temps) {
                    deleteQuietly(p, failure);
                }
                for (Path p : moved) {
                    deleteQuietly(p, failure);
                }
                throw failure;
            }
        }

        void release() {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                // A stale lock only makes this one name unavailable; the capture itself is complete.
            }
        }
    }

    private static void deleteQuietly(Path p, Exception into) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            into.addSuppressed(e);
        }
    }

    /** One line: which folder, what went wrong, and with which file. */
    private CaptureException failure(Exception e, Path file) {
        String name = file == null ? "" : file.getFileName().toString();
        String reason = e instanceof IOException io ? reason(io) : String.valueOf(e.getMessage());
        String lower = reason.toLowerCase(Locale.ROOT);
        String message;
        if (e instanceof AccessDeniedException || lower.contains("read-only file system")
                || lower.contains("permission denied") || lower.contains("access is denied")) {
            message = "captures folder " + folder + " is read-only";
        } else if (lower.contains("no space left") || lower.contains("not enough space")
                || lower.contains("disk full") || lower.contains("quota exceeded")) {
            message = "captures folder " + folder + ": disk full while writing " + name;
        } else if (e instanceof FileAlreadyExistsException) {
            message = "captures folder " + folder + ": " + name + " appeared while saving; left untouched";
        } else {
            message = "captures folder " + folder + ": could not write " + name + ": " + reason;
        }
        return new CaptureException(message, e);
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
    }

    private static byte[] sidecar(String imageName, Recognition r, CaptureContext context, ZonedDateTime time) {
        ObjectNode node = JSON.valueToTree(RecognitionJson.of(imageName, r));
        node.put("time", time.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (context.model() == null) {
            node.putNull("model");
        } else {
            ObjectNode model = node.putObject("model");
            Path fileName = context.model().getFileName();
            model.put("file", fileName == null ? context.model().toString() : fileName.toString());
            if (context.modelSha256() != null) {
                model.put("sha256", context.modelSha256());
            }
        }
        node.set("settings", JSON.valueToTree(context.settings()));
        node.put("source", context.source());
        try {
            return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("capture settings are not JSON-serialisable: " + e.getMessage(), e);
        }
    }

    private static Mat toMat(FrameImage frame) {
        Mat m = new Mat(frame.height(), frame.width(), CV_8UC3);
        m.data().put(frame.bgr());
        return m;
    }

    private static byte[] png(Mat image) throws CaptureException {
        try (BytePointer buf = new BytePointer()) {
            if (!imencode(".png", image, buf)) {
                throw new CaptureException("could not encode a " + image.cols() + "×" + image.rows() + " PNG");
            }
            byte[] bytes = new byte[(int) buf.limit()];
            buf.get(bytes);
            return bytes;
        }
    }
}
