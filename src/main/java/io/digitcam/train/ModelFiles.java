package io.digitcam.train;

import java.nio.file.Path;

/** The files a training run writes next to its model, all named after it. */
public record ModelFiles(Path model) {
    private String stem() {
        String name = model.getFileName().toString();
        return name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }

    private Path sibling(String suffix) {
        return model.resolveSibling(stem() + suffix);
    }

    public Path metrics() {
        return sibling(".metrics.json");
    }

    public Path curves() {
        return sibling(".curves.png");
    }

    public Path confusion() {
        return sibling(".confusion.png");
    }

    public Path checkpoint() {
        return sibling(".checkpoint.zip");
    }

    public Path checkpointAverage() {
        return sibling(".checkpoint.average.bin");
    }

    public Path checkpointState() {
        return sibling(".checkpoint.json");
    }
}
