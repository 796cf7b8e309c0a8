package io.digitcam.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.digitcam.util.ErrorText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model's weights in an HDF5 file, by layer name and parameter name ("kernel", "bias",
 * "gamma", ...; Keras 1's "W", "b"), the names DL4J's Keras layers take them by.
 *
 * <p>Two layouts. Keras 1, 2 and Keras 3's legacy .h5 keep one group per layer (under
 * "model_weights" in a whole-model file, at the root in a weights-only one) with the datasets
 * somewhere below it, named after the parameter: "dense/kernel:0", "sequential/dense/kernel",
 * "dense_1_W". Keras 3's .weights.h5 keeps "layers/NAME/vars/0", "vars/1", ... by position only,
 * so the names come from the order each layer type creates its variables in. DL4J reads the first
 * layout (though not Keras 3's names) and not the second; reading both here gives the importer
 * one path for every generation.
 */
public final class KerasWeights implements AutoCloseable {
    private final Path file;
    private final Hdf5Archive archive;
    /** Group path of the layers: "model_weights", "" or "layers" (Keras 3). */
    private final String[] root;
    private final boolean positional;
    /** Keras 3: layer name → its group, which is named after its type and place, not the layer. */
    private final Map<String, String> groups = new LinkedHashMap<>();

    private KerasWeights(Path file, Hdf5Archive archive, String[] root, boolean positional) {
        this.file = file;
        this.archive = archive;
        this.root = root;
        this.positional = positional;
    }

    static KerasWeights open(Path file) throws KerasException {
        Hdf5Archive archive;
        try {
            archive = new Hdf5Archive(file.toString());
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new KerasException(file, "corrupt or truncated HDF5 file (" + ErrorText.oneLine(e) + ")", e);
        }
        try {
            List<String> top = archive.getGroups();
            if (top.contains("model_weights")) {
                return new KerasWeights(file, archive, new String[] {"model_weights"}, false);
            }
            if (archive.hasAttribute("layer_names")) {
                return new KerasWeights(file, archive, new String[0], false);
            }
            if (top.contains("layers")) {
                return new KerasWeights(file, archive, new String[] {"layers"}, true);
            }
        } catch (RuntimeException e) {
            archive.close();
            throw new KerasException(file, "corrupt or truncated HDF5 file (" + ErrorText.oneLine(e) + ")", e);
        }
        archive.close();
        throw new KerasException(file, "holds no Keras weights (no model_weights, layer_names or layers/)");
    }

    /**
     * Keras 3 names a Sequential's weight groups as it walks its layers (the input aside):
     * snake_case of the type, numbered from the second of a type on ("dense", "dense_1"), whatever
     * the layers are called. Given the model's layer list as written, before any edit.
     */
    void nameKeras3Groups(JsonNode layers) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (JsonNode layer : layers) {
            String type = layer.path("class_name").asText();
            if (type.equals("InputLayer")) {
                continue;
            }
            String base = snakeCase(type);
            int n = seen.merge(base, 1, Integer::sum);
            groups.put(layer.path("config").path("name").asText(), n == 1 ? base : base + "_" + (n - 1));
        }
    }

    /** Keras's own naming.to_snake_case. */
    static String snakeCase(String name) {
        String s = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private String group(String layer) {
        return positional ? groups.getOrDefault(layer, layer) : layer;
    }

    /** Names of the layers the file has a group for, weighted or not (by group name for Keras 3). */
    List<String> layers() {
        List<String> out = new ArrayList<>();
        for (String g : archive.getGroups(root)) {
            String layer = g;
            for (Map.Entry<String, String> e : groups.entrySet()) {
                if (e.getValue().equals(g)) {
                    layer = e.getKey();
                }
            }
            out.add(layer);
        }
        return out;
    }

    /**
     * The weights of one layer, by parameter name; empty for a layer without weights or without a
     * group. {@code layerConfig} is the layer's Keras config, for Keras 3's positional names.
     */
    Map<String, INDArray> layer(String name, String className, JsonNode layerConfig) throws KerasException {
        if (!archive.getGroups(root).contains(group(name))) {
            return Map.of();
        }
        try {
            return positional ? positional(name, className, layerConfig) : named(name);
        } catch (KerasException e) {
            throw e;
        } catch (Exception e) {
            throw new KerasException(file, "cannot read the weights of layer " + name + " (" + ErrorText.oneLine(e) + ")", e);
        }
    }

    /** Whether the file holds any weight array for this layer. */
    boolean hasWeights(String layer) {
        return hasDataSets(append(root, group(layer)));
    }

    private boolean hasDataSets(String[] group) {
        if (!archive.getDataSets(group).isEmpty()) {
            return true;
        }
        for (String child : archive.getGroups(group)) {
            if (hasDataSets(append(group, child))) {
                return true;
            }
        }
        return false;
    }

    private Map<String, INDArray> named(String layer) throws Exception {
        Map<String, INDArray> out = new LinkedHashMap<>();
        collect(layer, append(root, layer), out);
        return out;
    }

    private void collect(String layer, String[] group, Map<String, INDArray> out) throws Exception {
        for (String dataset : archive.getDataSets(group)) {
            out.put(parameterName(layer, dataset), archive.readDataSet(dataset, group));
        }
        for (String child : archive.getGroups(group)) {
            collect(layer, append(group, child), out);
        }
    }

    /** "kernel:0" → "kernel"; Keras 1's "dense_1_W" → "W". */
    static String parameterName(String layer, String dataset) {
        String name = dataset.endsWith(":0") ? dataset.substring(0, dataset.length() - 2) : dataset;
        return name.startsWith(layer + "_") ? name.substring(layer.length() + 1) : name;
    }

    private Map<String, INDArray> positional(String layer, String className, JsonNode config) throws Exception {
        String[] group = append(root, group(layer), "vars");
        List<String> present = archive.getGroups(append(root, group(layer))).contains("vars")
                ? archive.getDataSets(group) : List.of();
        if (present.isEmpty()) {
            return Map.of();
        }
        List<String> names = variableNames(className, config);
        if (names == null) {
            throw new KerasException(file, "layer " + layer + " (" + className + ") has weights DigitCam cannot name "
                    + "in a Keras 3 file");
        }
        if (names.size() != present.size()) {
            throw new KerasException(file, "layer " + layer + " (" + className + ") has " + present.size()
                    + " weight arrays, expected " + names.size());
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), archive.readDataSet(Integer.toString(i), group));
        }
        return out;
    }

    /** The variables Keras 3 creates for a layer type, in the order it creates them; null if unknown. */
    static List<String> variableNames(String className, JsonNode config) {
        boolean bias = config.path("use_bias").asBoolean(true);
        List<String> names = new ArrayList<>();
        switch (className) {
            case "Dense", "Conv1D", "Conv2D", "Conv3D", "Conv2DTranspose" -> names.add("kernel");
            case "DepthwiseConv2D" -> names.add("depthwise_kernel");
            case "SeparableConv2D" -> {
                names.add("depthwise_kernel");
                names.add("pointwise_kernel");
            }
            case "BatchNormalization" -> {
                if (config.path("scale").asBoolean(true)) {
                    names.add("gamma");
                }
                if (config.path("center").asBoolean(true)) {
                    names.add("beta");
                }
                names.add("moving_mean");
                names.add("moving_variance");
                return names;
            }
            case "PReLU" -> {
                names.add("alpha");
                return names;
            }
            case "Embedding" -> {
                names.add("embeddings");
                return names;
            }
            default -> {
                return null;
            }
        }
        if (bias) {
            names.add("bias");
        }
        return names;
    }

    private static String[] append(String[] path, String... more) {
        String[] out = java.util.Arrays.copyOf(path, path.length + more.length);
        System.arraycopy(more, 0, out, path.length, more.length);
        return out;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        archive.close();
    }
}
