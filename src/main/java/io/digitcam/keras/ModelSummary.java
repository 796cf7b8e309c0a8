package io.digitcam.keras;

import io.digitcam.model.Batches;
import io.digitcam.model.DigitImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@code import-keras} prints about a model: its layers as DL4J runs them (type, output shape,
 * parameters), the total, the input it takes and how its pixels are scaled, and its classes. The
 * output shapes are measured by running one blank crop through, so they are what the network
 * really produces (in its own layout) rather than what a configuration claims.
 */
public final class ModelSummary {
    private ModelSummary() {
    }

    public static List<String> lines(ImportedModel model) {
        MultiLayerNetwork net = model.network();
        InputSpec input = model.input();
        // feedForward: the input, then every layer's activations, in order.
        List<INDArray> activations = net.feedForward(input.features(new float[DigitImages.PIXELS], 1), false);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"layer", "type", "output", "parameters"});
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            rows.add(new String[] {conf.getLayerName(), type(conf), shape(activations.get(i + 1)),
                String.format(Locale.ROOT, "%,d", layer.numParams())});
        }
        List<String> out = new ArrayList<>();
        out.add(model.source() + " (Keras " + model.kerasVersion() + ")");
        out.addAll(table(rows));
        out.add(String.format(Locale.ROOT, "total parameters: %,d", net.numParams()));
        // How it is really run (a channels-first model channels-last, say) is in the notes.
        out.add("input: " + model.declaredInput() + (input.side() == DigitImages.SIDE ? ""
                : ", our 28×28 crop padded by " + (input.side() - DigitImages.SIDE) / 2 + " px of background"));
        out.add("pixel scale: " + pixels(model));
        out.add("classes: " + Batches.DIGITS + " (digits 0-9; no \"not a digit\" class: the verifier decides what is a digit)");
        for (String note : model.notes()) {
            out.add("note: " + note);
        }
        return out;
    }

    private static String pixels(ImportedModel model) {
        String trained = model.pixelScale() == 1 ? "1 (trained on pixels 0-255)"
                : trim(model.pixelScale()) + " (trained on pixels / " + trim(model.pixelScale()) + ")";
        InputSpec input = model.input();
        if (input.divisor() == model.pixelScale() && input.offset() == 0) {
            return trained;
        }
        // A folded Rescaling: say what the first real layer ends up seeing.
        return trained + "; with its Rescaling the network sees pixel / " + trim(input.divisor())
                + (input.offset() != 0 ? " + " + trim(input.offset()) : "");
    }

    /**
     * DL4J's layer type with what sets it apart: kernel, pooling, activation. Batch norm and dropout
     * carry a default activation in their config that they never apply, so it is left out.
     */
    private static String type(org.deeplearning4j.nn.conf.layers.Layer conf) {
        String type = conf.getClass().getSimpleName();
        if (conf instanceof SubsamplingLayer s) {
            return type + " " + s.getPoolingType().name().toLowerCase(Locale.ROOT) + " " + s.getKernelSize()[0] + "×"
                    + s.getKernelSize()[1];
        }
        if (conf instanceof ConvolutionLayer c) {
            type += " " + c.getKernelSize()[0] + "×" + c.getKernelSize()[1];
        }
        if ((conf instanceof ConvolutionLayer || conf instanceof DenseLayer || conf instanceof BaseOutputLayer)
                && ((BaseLayer) conf).getActivationFn() != null) {
            return type + ", " + activationName(((BaseLayer) conf).getActivationFn().toString());
        }
        if (conf instanceof ActivationLayer a && a.getActivationFn() != null) {
            return type + ", " + activationName(a.getActivationFn().toString());
        }
        return type;
    }

    /** DL4J's "relu", "softmax", ...: its activations print as their name, or as a class name. */
    private static String activationName(String fn) {
        String s = fn.replaceFirst("^Activation", "").replaceAll("\\(.*", "");
        return s.toLowerCase(Locale.ROOT);
    }

    /** An activation's shape without the batch dimension, e.g. "24×24×6". */
    private static String shape(INDArray a) {
        long[] s = a.shape();
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < s.length; i++) {
            b.append(i == 1 ? "" : "×").append(s[i]);
        }
        return b.toString();
    }

    private static List<String> table(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder("  ");
            for (int c = 0; c < r.length; c++) {
                // Parameters right-aligned, the rest left.
                String cell = c == r.length - 1 ? " ".repeat(width[c] - r[c].length()) + r[c]
                        : r[c] + " ".repeat(width[c] - r[c].length());
                b.append(cell).append(c == r.length - 1 ? "" : "  ");
            }
            out.add(b.toString());
        }
        return out;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }
}
