package io.digitcam.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the app knew when the user pressed Capture, besides the frame and its recognition.
 *
 * @param source         a description of the frame source, e.g. "camera 0 (1280×720)"
 * @param model          the model file, or null; only its file name is recorded
 * @param modelSha256    the model's SHA-256 in hex, or null; compute it once with {@link #sha256(Path)}
 * @param settings       the recognition settings in effect, recorded as given (values must be JSON-serialisable)
 * @param sureConfidence digits below this are drawn in orange on the annotated image, as in the app
 */
public record CaptureContext(String source, Path model, String modelSha256, Map<String, Object> settings,
        double sureConfidence) {
    public CaptureContext {
        source = source == null ? "" : source;
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The SHA-256 of a file in lower-case hex; meant to be computed once per model, not per capture. */
    public static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

}
