package io.digitcam.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitcam.model.DigitImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Edits a Sequential model's layer list (Keras 2 layout) into one DL4J imports, moving what only
 * prepares the input into DigitCam's own input preparation ({@link InputSpec}):
 * <ul>
 * <li>augmentation layers (RandomFlip, RandomRotation, GaussianNoise, ...) do nothing at
 * inference and DL4J has no importer for them: dropped;
 * <li>a Rescaling before the first real layer is a pixel scale and offset: folded into the input;
 * <li>a Flatten right after the input is the same pixel order as a flat input: the input becomes
 * flat, which also covers {@code Flatten(input_shape=(28, 28))}, a 2-D input DL4J would take for a
 * sequence;
 * <li>a last Dense without softmax (a model trained on logits) gets softmax, since DigitCam thresholds
 * probabilities.
 * </ul>
 * Then the input shape must be one DigitCam can feed: 28×28×1 or 32×32×1 either way round, or flat
 * 784 or 1024.
 */
final class InputFolding {
    private static final Set<String> NO_OPS_AT_INFERENCE = Set.of("RandomFlip", "RandomRotation", "RandomZoom",
            "RandomTranslation", "RandomContrast", "RandomBrightness", "RandomHeight", "RandomWidth",
            "GaussianNoise", "GaussianDropout", "AlphaDropout", "ActivityRegularization");

    /** The edit's outcome: the rescaling found, the input layout, and lines for the summary. */
    record Result(ObjectNode config, InputSpec.Layout layout, int side, double scale, double offset,
                  List<String> notes, int[] originalShape) {
    }

    private InputFolding() {
    }

    static Result fold(Path file, ObjectNode model) throws KerasException {
        ObjectNode config = model.deepCopy();
        String className = config.path("class_name").asText();
        if (!className.equals("Sequential")) {
            throw new KerasException(file, className + " models are not supported, only Sequential ones "
                    + "(keras.Sequential([...]))");
        }
        if (config.path("backend").asText("tensorflow").equals("theano")) {
            throw new KerasException(file, "Theano-backend models are not supported");
        }
        ArrayNode layers = layersOf(config);
        if (layers == null || layers.isEmpty()) {
            throw new KerasException(file, "the Sequential model has no layers");
        }
        List<String> notes = new ArrayList<>();
        JsonNode shapeNode = null;
        int[] declaredShape = null;
        String dataFormat = null;
        double scale = 1;
        double offset = 0;
        boolean beforeFirstRealLayer = true;
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (JsonNode layer : layers) {
            String type = layer.path("class_name").asText();
            JsonNode c = layer.path("config");
            String name = c.path("name").asText(type);
            if (shapeNode == null && c.has("batch_input_shape")) {
                shapeNode = c.get("batch_input_shape");
            }
            if (dataFormat == null && c.hasNonNull("data_format")) {
                dataFormat = c.get("data_format").asText();
            } else if (dataFormat == null && c.hasNonNull("dim_ordering")) {
                dataFormat = c.get("dim_ordering").asText().equals("th") ? "channels_first" : "channels_last";
            }
            if (type.equals("InputLayer")) {
                continue;
            }
            if (NO_OPS_AT_INFERENCE.contains(type)) {
                notes.add("dropped " + name + " (" + type + "): it does nothing at inference");
                continue;
            }
            if (type.equals("Rescaling")) {
                if (!beforeFirstRealLayer) {
                    throw new KerasException(file, "layer " + name + " (Rescaling) comes after other layers: only a "
                            + "Rescaling of the input can be folded into the pixel scale");
                }
                double s = c.path("scale").asDouble(1);
                double o = c.path("offset").asDouble(0);
                offset = offset * s + o;
                scale *= s;
                notes.add("folded " + name + " (Rescaling ×" + trim(s) + (o != 0 ? " + " + trim(o) : "")
                        + ") into the pixel scale");
                continue;
            }
            if (type.equals("Flatten") && beforeFirstRealLayer && kept.isEmpty()) {
                if (shapeNode == null) {
                    throw new KerasException(file, "the model does not say its input shape (batch_input_shape)");
                }
                int[] shape = shape(shapeNode);
                int size = 1;
                for (int d : shape) {
                    size *= d;
                }
                if (!isImage(shape)) {
                    throw unsupportedShape(file, shape);
                }
                notes.add("read " + name + " (Flatten) of the " + describe(shape) + " input as a flat input");
                declaredShape = shape;
                shapeNode = JsonNodeFactory.instance.arrayNode().addNull().add(size);
                continue;
            }
            beforeFirstRealLayer = false;
            // The input shape now lives in the InputLayer put first below.
            ((ObjectNode) c).remove("batch_input_shape");
            kept.add(layer);
        }
        if (shapeNode == null) {
            throw new KerasException(file, "the model does not say its input shape (batch_input_shape)");
        }
        if (kept.isEmpty()) {
            throw new KerasException(file, "the model has no layers DigitCam can run");
        }
        int[] shape = shape(shapeNode);
        InputSpec.Layout layout;
        int side;
        if (shape.length == 1 && (shape[0] == 28 * 28 || shape[0] == 32 * 32)) {
            layout = InputSpec.Layout.FLAT;
            side = shape[0] == 28 * 28 ? 28 : 32;
        } else if (shape.length == 3 && shape[2] == 1 && shape[0] == shape[1] && isSide(shape[0])
                && !"channels_first".equals(dataFormat)) {
            layout = InputSpec.Layout.NHWC;
            side = shape[0];
        } else if (shape.length == 3 && shape[0] == 1 && shape[1] == shape[2] && isSide(shape[1])
                && !"channels_last".equals(dataFormat)) {
            layout = InputSpec.Layout.NCHW;
            side = shape[1];
        } else {
            throw unsupportedShape(file, shape);
        }
        if (layout == InputSpec.Layout.NCHW) {
            channelsLast(file, kept);
            notes.add("runs the channels-first model channels-last: with one channel the input is the same bytes");
            layout = InputSpec.Layout.NHWC;
            shapeNode = JsonNodeFactory.instance.arrayNode().addNull().add(side).add(side).add(1);
        }
        softmaxLast(file, kept, notes);
        // DL4J takes the input shape from the first layer it imports, InputLayer or not.
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("class_name", "InputLayer");
        ObjectNode inputConfig = input.putObject("config");
        inputConfig.set("batch_input_shape", shapeNode);
        inputConfig.put("dtype", "float32");
        inputConfig.put("sparse", false);
        inputConfig.put("name", "digitcam_input");
        if (layout != InputSpec.Layout.FLAT) {
            // DL4J takes an input's dimension order from its own layer config, not from the layers after it.
            inputConfig.put("data_format", layout == InputSpec.Layout.NCHW ? "channels_first" : "channels_last");
        }
        kept.insert(0, input);
        setLayers(config, kept);
        return new Result(config, layout, side, scale, offset, notes, declaredShape != null ? declaredShape : shape);
    }

    /**
     * DL4J 1.0.0-M2.1 misreads a channels_first Keras convolution's kernel (TensorFlow keeps
     * rows × columns × in × out in either format). The same network channels-last computes the
     * same function with the same weights, since Keras's Flatten puts channels last before it
     * flattens whatever the format, so the layers are switched to channels_last.
     */
    private static void channelsLast(Path file, ArrayNode layers) throws KerasException {
        for (JsonNode layer : layers) {
            ObjectNode c = (ObjectNode) layer.path("config");
            String type = layer.path("class_name").asText();
            if (type.equals("Flatten") && !c.has("data_format")) {
                throw new KerasException(file, "a channels-first model whose Flatten has no data_format (Keras 2.0) is "
                        + "not supported");
            }
            if ("channels_first".equals(c.path("data_format").asText())) {
                c.put("data_format", "channels_last");
            }
            if (type.equals("BatchNormalization") && c.path("axis").asInt(-1) == 1) {
                c.put("axis", -1);
            }
        }
    }

    private static void softmaxLast(Path file, ArrayNode kept, List<String> notes) throws KerasException {
        JsonNode last = kept.get(kept.size() - 1);
        String type = last.path("class_name").asText();
        String activation = last.path("config").path("activation").asText("");
        if (type.equals("Softmax") || type.equals("Activation") && activation.equals("softmax")
                || type.equals("Dense") && activation.equals("softmax")) {
            return;
        }
        if (type.equals("Dense") && (activation.equals("linear") || activation.isEmpty())) {
            ((ObjectNode) last.path("config")).put("activation", "softmax");
            notes.add("added softmax to " + last.path("config").path("name").asText() + ": the model outputs logits");
            return;
        }
        throw new KerasException(file, "the model ends in " + type + (activation.isEmpty() ? "" : " (" + activation + ")")
                + ", not in a softmax or a Dense layer whose logits DigitCam can turn into probabilities");
    }

    private static boolean isSide(int side) {
        return side == DigitImages.SIDE || side == DigitImages.SIDE + 4;
    }

    private static boolean isImage(int[] shape) {
        return shape.length == 2 && shape[0] == shape[1] && isSide(shape[0])
                || shape.length == 3 && (shape[2] == 1 && shape[0] == shape[1] && isSide(shape[0])
                || shape[0] == 1 && shape[1] == shape[2] && isSide(shape[1]));
    }

    private static KerasException unsupportedShape(Path file, int[] shape) {
        boolean colour = shape.length == 3 && (shape[2] == 3 || shape[2] == 4 || shape[0] == 3 || shape[0] == 4);
        return new KerasException(file, (colour ? "colour input " : "input shape ") + describe(shape)
                + " is not supported: DigitCam feeds grey 28×28×1 or 32×32×1 (channels last or first) or flat 784");
    }

    static String describe(int[] shape) {
        StringBuilder b = new StringBuilder();
        for (int d : shape) {
            b.append(b.length() == 0 ? "" : "×").append(d < 0 ? "?" : Integer.toString(d));
        }
        return b.toString();
    }

    private static int[] shape(JsonNode batchShape) {
        int[] out = new int[Math.max(0, batchShape.size() - 1)];
        for (int i = 1; i < batchShape.size(); i++) {
            out[i - 1] = batchShape.get(i).isNull() ? -1 : batchShape.get(i).asInt();
        }
        return out;
    }

    /** Keras 2.2+ keeps {"name", "layers": [...]}; Keras 1 to 2.1 the bare list. */
    private static ArrayNode layersOf(ObjectNode model) {
        JsonNode c = model.get("config");
        if (c instanceof ArrayNode a) {
            return a;
        }
        return c.get("layers") instanceof ArrayNode a ? a : null;
    }

    private static void setLayers(ObjectNode model, ArrayNode layers) {
        if (model.get("config") instanceof ObjectNode c) {
            c.set("layers", layers);
        } else {
            model.set("config", layers);
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
