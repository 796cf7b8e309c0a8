package io.digitcam.capture;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the app knew when the user pressed Capture, besides the frame and its recognition.
 *
 * @param source         a description of the frame source, e.g. "camera 0 (1280×720)"
 * @param model          the model file, or null; only its file name is recorded
 * @param modelSha256    the model's SHA-256 in hex, or null; compute it once with {@link io.digitcam.model.Checksums#sha256(Path)}
 * @param settings       the recognition settings in effect, recorded as given (values must be JSON-serialisable)
 * @param sureConfidence digits below this are drawn in orange on the annotated image, as in the app
 */
public record CaptureContext(String source, Path model, String modelSha256, Map<String, Object> settings,
        double sureConfidence) {
    public CaptureContext {
        source = source == null ? "" : source;
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

}
