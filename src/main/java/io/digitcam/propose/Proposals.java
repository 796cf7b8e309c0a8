package io.digitcam.propose;

import io.digitcam.vision.Polarity;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What the proposer found in one frame: the candidates, the ink maps they came from and the
 * frame in grey levels (the normaliser cuts the classifier's crops from it). Owns native
 * memory: close it once the later stages are done.
 */
public record Proposals(Mat gray, List<InkMap> maps, List<Candidate> candidates) implements AutoCloseable {
    public Proposals {
        maps = List.copyOf(maps);
        candidates = List.copyOf(candidates);
    }

    public InkMap map(int level, Polarity polarity) {
        for (InkMap m : maps) {
            if (m.level() == level && m.polarity() == polarity) {
                return m;
            }
        }
        throw new IllegalArgumentException("no ink map for level " + level + " " + polarity);
    }

    @Override
    public void close() {
        gray.close();
        maps.forEach(m -> m.contrast().close());
    }
}
