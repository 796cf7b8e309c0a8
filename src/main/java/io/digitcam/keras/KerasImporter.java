package io.digitcam.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitcam.model.Batches;
import io.digitcam.model.DigitImages;
import io.digitcam.util.ErrorText;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.config.KerasModelConfiguration;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelUtils;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Imports a Keras Sequential model of any generation: the architecture is brought to the Keras 2
 * layout ({@link Keras3Config}) and edited to what DL4J can import ({@link InputFolding}); DL4J's
 * importer builds the network from that JSON alone, and the weights, read here
 * ({@link KerasWeights}), are handed to DL4J's own Keras layers, which know how each Keras
 * parameter maps onto theirs (kernel layouts, batch-norm statistics).
 */
public final class KerasImporter {
    /** Pixel scales {@code --pixel-scale} accepts: 255 (pixels divided by 255 in training) or 1 (left 0..255). */
    public static final Set<Double> PIXEL_SCALES = Set.of(255.0, 1.0);
    private static final Pattern UNSUPPORTED_LAYER = Pattern.compile("Unsupported keras layer type (\\w+)");

    private KerasImporter() {
    }

    /**
     * @param weights    the weights for an architecture .json; null to look beside it (and for other formats)
     * @param pixelScale what training divided pixels by; null for 255, or 1 when the model starts
     *                   with a Rescaling layer (which then does the dividing itself)
     */
    public static ImportedModel importModel(Path file, Path weights, Double pixelScale) throws KerasException {
        if (pixelScale != null && !PIXEL_SCALES.contains(pixelScale)) {
            throw new KerasException(file, "pixel scale " + pixelScale + " is not supported: 255 (training divided "
                    + "pixels by 255) or 1 (pixels left 0-255)");
        }
        try (KerasFile keras = KerasFile.open(file, weights)) {
            ObjectNode config = keras.config();
            if (keras.generation() >= 3) {
                config = Keras3Config.toKeras2(config);
            } else if (keras.generation() < 1) {
                throw new KerasException(file, "Keras version " + keras.version() + " is not supported");
            }
            JsonNode written = config.get("config");
            keras.weights().nameKeras3Groups(written.isArray() ? written : written.path("layers"));
            InputFolding.Result folded = InputFolding.fold(file, config);
            boolean rescaled = folded.scale() != 1 || folded.offset() != 0;
            double scale = pixelScale != null ? pixelScale : rescaled ? 1 : 255;
            InputSpec input = new InputSpec(folded.layout(), folded.side(), scale / folded.scale(), folded.offset());
            MultiLayerNetwork net = build(file, folded.config(), keras.weights());
            check(file, net, input);
            return new ImportedModel(net, input, file.getFileName().toString(),
                    keras.version().isEmpty() ? "?" : keras.version(), declared(folded.originalShape()), scale,
                    List.copyOf(folded.notes()));
        }
    }

    /** The input shape as Keras wrote it, with its layout: InputFolding accepted only grey images or a flat vector. */
    private static String declared(int[] shape) {
        String layout = shape.length == 1 ? "flat" : shape.length == 3 && shape[0] == 1 ? "channels first"
                : shape.length == 3 ? "channels last" : "one channel";
        return InputFolding.describe(shape) + " (" + layout + ")";
    }

    private static MultiLayerNetwork build(Path file, ObjectNode config, KerasWeights weights) throws KerasException {
        KerasSequentialModel model;
        MultiLayerNetwork net;
        try (KerasModelBuilder builder = new KerasModelBuilder(new KerasModelConfiguration())) {
            model = builder.modelJson(config.toString()).enforceTrainingConfig(false).buildSequential();
            net = model.getMultiLayerNetwork(false);
        } catch (Exception | AssertionError e) {
            throw unsupported(file, e);
        }
        Map<String, JsonNode> configs = layerConfigs(config);
        Set<String> used = new HashSet<>();
        Map<String, KerasLayer> layers = model.getLayers();
        for (KerasLayer layer : layers.values()) {
            JsonNode c = configs.get(layer.getLayerName());
            if (c == null) {
                continue;
            }
            Map<String, INDArray> w = weights.layer(layer.getLayerName(), c.path("class_name").asText(),
                    c.path("config"));
            if (layer.getNumParams() > 0 && w.isEmpty()) {
                throw new KerasException(weights.file(), "has no weights for layer " + layer.getLayerName()
                        + ": not this model's weights file");
            }
            if (!w.isEmpty()) {
                try {
                    layer.setWeights(new HashMap<>(w));
                } catch (Exception e) {
                    throw new KerasException(weights.file(), "weights of layer " + layer.getLayerName()
                            + " do not fit (" + ErrorText.oneLine(e) + ")", e);
                }
                used.add(layer.getLayerName());
            }
        }
        for (String name : weights.layers()) {
            if (!used.contains(name) && !configs.containsKey(name) && weights.hasWeights(name)) {
                throw new KerasException(weights.file(), "has weights for layer " + name
                        + ", which the architecture does not have: not this model's weights file");
            }
        }
        try {
            KerasModelUtils.copyWeightsToModel(net, layers);
        } catch (Exception | AssertionError e) {
            throw new KerasException(weights.file(), "weights do not fit the architecture (" + ErrorText.oneLine(e) + ")", e);
        }
        return net;
    }

    /** Runs one blank crop through: the network must take DigitCam's input and answer 10 digits. */
    private static void check(Path file, MultiLayerNetwork net, InputSpec input) throws KerasException {
        INDArray out;
        try {
            out = net.output(input.features(new float[DigitImages.PIXELS], 1), false);
        } catch (RuntimeException e) {
            throw new KerasException(file, "the imported network does not run on a " + input.describe() + " input ("
                    + ErrorText.oneLine(e) + ")", e);
        }
        long outputs = out.length();
        if (outputs != Batches.DIGITS) {
            throw new KerasException(file, outputs + " outputs are not supported: DigitCam needs 10, one per digit 0-9");
        }
    }

    private static Map<String, JsonNode> layerConfigs(ObjectNode config) {
        JsonNode c = config.get("config");
        JsonNode layers = c.isArray() ? c : c.path("layers");
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode layer : layers) {
            out.put(layer.path("config").path("name").asText(), layer);
        }
        return out;
    }

    private static KerasException unsupported(Path file, Throwable e) {
        String message = ErrorText.oneLine(e);
        Matcher m = UNSUPPORTED_LAYER.matcher(message);
        if (m.find()) {
            return new KerasException(file, "layer type " + m.group(1) + " is not supported by DL4J's Keras import", e);
        }
        return new KerasException(file, "cannot be imported (" + message + ")", e);
    }
}
