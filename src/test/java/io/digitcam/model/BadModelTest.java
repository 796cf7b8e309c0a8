package io.digitcam.model;

import io.digitcam.train.Architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class BadModelTest {
    @TempDir
    Path dir;

    private Path lenet(int classes) throws IOException {
        MultiLayerNetwork net = new MultiLayerNetwork(Architecture.LENET.configure(1, classes, 10, 1));
        net.init();
        Path file = dir.resolve("lenet" + classes + ".zip");
        ModelSerializer.writeModel(net, file.toFile(), false);
        return file;
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nope.zip");
        assertThatThrownBy(() -> DigitClassifier.load(f)).isInstanceOf(ModelLoadException.class)
                .hasMessage(f + ": model file not found");
    }

    @Test
    void directory() {
        assertThatThrownBy(() -> DigitClassifier.load(dir)).hasMessage(dir + ": not a readable file");
    }

    @Test
    void emptyAndTextFilesAreNotZips() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.zip"));
        Path text = Files.writeString(dir.resolve("model.zip"), "this is not a model\n");
        assertThatThrownBy(() -> DigitClassifier.load(empty))
                .hasMessage(empty + ": not a DL4J model (not a zip archive, or a truncated one)");
        assertThatThrownBy(() -> DigitClassifier.load(text))
                .hasMessage(text + ": not a DL4J model (not a zip archive, or a truncated one)");
    }

    @Test
    void truncatedModel() throws IOException {
        byte[] good = Files.readAllBytes(lenet(10));
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> DigitClassifier.load(cut))
                .hasMessage(cut + ": not a DL4J model (not a zip archive, or a truncated one)");
    }

    @Test
    void zipWithoutAModel() throws IOException {
        Path zip = dir.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes());
        }
        assertThatThrownBy(() -> DigitClassifier.load(zip))
                .hasMessage(zip + ": not a DL4J model (the zip has no configuration.json/coefficients.bin)");
    }

    @Test
    void corruptCoefficients() throws IOException {
        Path zip = dir.resolve("corrupt.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("configuration.json"));
            out.write("{\"confs\": 12".getBytes());
            out.putNextEntry(new ZipEntry("coefficients.bin"));
            out.write(new byte[] {1, 2, 3});
        }
        assertThatThrownBy(() -> DigitClassifier.load(zip))
                .hasMessageStartingWith(zip + ": corrupt or not a MultiLayerNetwork (");
    }

    @Test
    void wrongInputShape() throws IOException {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(100)).build());
        net.init();
        Path file = dir.resolve("dense100.zip");
        ModelSerializer.writeModel(net, file.toFile(), false);
        assertThatThrownBy(() -> DigitClassifier.load(file))
                .hasMessageStartingWith(file + ": does not take 28×28 single-channel images (");
    }

    @Test
    void wrongOutputCount() throws IOException {
        Path file = lenet(5);
        assertThatThrownBy(() -> DigitClassifier.load(file))
                .hasMessage(file + ": has 5 outputs, expected 10 (one per digit) or 11 (digits and \"not a digit\")");
    }

    @Test
    void messagesAreOneLine() throws IOException {
        Path zip = dir.resolve("corrupt2.zip");
        try (OutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            ((ZipOutputStream) out).putNextEntry(new ZipEntry("configuration.json"));
            out.write("not json at all\nsecond line".getBytes());
            ((ZipOutputStream) out).putNextEntry(new ZipEntry("coefficients.bin"));
        }
        assertThatThrownBy(() -> DigitClassifier.load(zip)).satisfies(e -> org.assertj.core.api.Assertions
                .assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
