package io.digitcam.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Where an interrupted training run stopped: the epochs done so far, the weight average's
 * figures and snapshot count, and which model is the best so far. Checkpoints written before
 * weight averaging existed read back with no averages.
 */
record Checkpoint(List<EpochStats> history, int bestEpoch, double seconds, List<EpochStats> averages,
                  boolean bestAveraged, int snapshots) {
    private static final ObjectMapper JSON = new ObjectMapper();

    List<EpochStats> averagesOrEmpty() {
        return averages == null ? List.of() : averages;
    }

    static Checkpoint read(ModelFiles files) throws IOException {
        if (!Files.isRegularFile(files.checkpoint()) || !Files.isRegularFile(files.checkpointState())) {
            throw new IOException("nothing to resume: " + files.checkpoint() + " not found");
        }
        return JSON.readValue(files.checkpointState().toFile(), Checkpoint.class);
    }

    static void write(ModelFiles files, Checkpoint checkpoint) throws IOException {
        Path tmp = files.checkpointState().resolveSibling(files.checkpointState().getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), checkpoint);
        Files.move(tmp, files.checkpointState(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
