package io.digitcam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitcam.train.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Says, from a verifier's metrics file, which of a benchmark's conditions it was trained on. */
final class TrainingProvenance {
    private TrainingProvenance() {
    }

    static String describe(Path verifier, String benchRenderer) {
        Path metrics = new ModelFiles(verifier).metrics();
        if (!Files.isRegularFile(metrics)) {
            return "the verifier has no metrics file, so what it was trained on is unknown";
        }
        try {
            JsonNode m = new ObjectMapper().readTree(metrics.toFile());
            String trained = m.path("renderer").asText("?");
            List<String> excluded = new ArrayList<>();
            m.path("excluded").forEach(e -> excluded.add(e.asText()));
            // Held out only when none of the benched renderers was among those trained on.
            List<String> trainedOn = List.of(trained.split(","));
            if (java.util.Arrays.stream(benchRenderer.split(",")).noneMatch(trainedOn::contains)) {
                return "the verifier was trained on the " + trained + " renderer: every condition here is held out";
            }
            return "the verifier was trained on this renderer (other scenes of it" + (trained.equals(benchRenderer) ? ")" : "; trained on " + trained + ")")
                    + (excluded.isEmpty() ? ": no condition is held out" : "; held out: " + String.join(", ", excluded));
        } catch (IOException e) {
            return "the verifier's metrics file cannot be read (" + e.getMessage() + ")";
        }
    }
}
