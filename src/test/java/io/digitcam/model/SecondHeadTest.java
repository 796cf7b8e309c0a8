package io.digitcam.model;

import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import io.digitcam.train.Architecture;
import io.digitcam.train.Evaluator;
import io.digitcam.train.FineTuning;
import io.digitcam.train.Trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second head inside a model file: when it is asked, what it may change, and files it refuses. */
class SecondHeadTest {
    @TempDir
    Path dir;

    private static float[] probabilities(int best, float p, float notADigit) {
        float[] v = new float[Batches.DIGITS + 1];
        float rest = (1 - p - notADigit) / (Batches.DIGITS - 1);
        for (int i = 0; i < Batches.DIGITS; i++) {
            v[i] = i == best ? p : rest;
        }
        v[Batches.NOT_A_DIGIT] = notADigit;
        return v;
    }

    @Test
    void theSecondHeadIsAskedOnlyWhereTheFirstSaysNotADigit() {
        float[] five = probabilities(5, 0.55f, 0.1f);
        float[] sureThree = probabilities(3, 0.9f, 0.05f);
        assertThat(DigitClassifier.answer(five, sureThree).label()).as("a digit the first head read stands").isEqualTo(5);

        float[] clutter = probabilities(1, 0.2f, 0.75f);
        DigitPrediction read = DigitClassifier.answer(clutter, sureThree);
        assertThat(read.label()).isEqualTo(3);
        assertThat(read.probability()).isEqualTo(0.9f, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(read.rejected()).isFalse();

        float[] unsureThree = probabilities(3, (float) DigitClassifier.SECOND_HEAD_MIN - 0.05f, 0.05f);
        assertThat(DigitClassifier.answer(clutter, unsureThree).rejected()).as("not sure enough").isTrue();
        float[] one = probabilities(1, (float) DigitClassifier.SECOND_HEAD_MIN_ONE - 0.05f, 0.05f);
        assertThat(DigitClassifier.answer(clutter, one).rejected()).as("a \"1\" needs more").isTrue();
        one = probabilities(1, (float) DigitClassifier.SECOND_HEAD_MIN_ONE + 0.05f, 0.0f);
        assertThat(DigitClassifier.answer(clutter, one).label()).isEqualTo(1);
        assertThat(DigitClassifier.answer(clutter, probabilities(3, 0.1f, 0.85f))).as("both say clutter")
                .isEqualTo(DigitClassifier.predict(clutter));
        assertThat(DigitClassifier.answer(clutter, null)).isEqualTo(DigitClassifier.predict(clutter));
    }

    private static MultiLayerNetwork network(long seed, int classes) {
        MultiLayerNetwork net = new MultiLayerNetwork(Architecture.BNCNN.configure(seed, classes, 10, 1));
        net.init();
        return net;
    }

    private Path write(MultiLayerNetwork net, String name) throws IOException {
        Path file = dir.resolve(name);
        ModelSerializer.writeModel(net, file.toFile(), false);
        return file;
    }

    /**
     * The shipped model's first head with a head that never says "not a digit" (its output's bias for that
     * class pushed far down): a stand-in for a second head that reads what the first turns down.
     */
    private static MultiLayerNetwork alwaysADigit(MultiLayerNetwork base) {
        MultiLayerNetwork head = base.clone();
        org.nd4j.linalg.api.ndarray.INDArray b = head.getLayer(head.getnLayers() - 1).getParam("b");
        b.putScalar(Batches.NOT_A_DIGIT, b.getFloat(Batches.NOT_A_DIGIT) - 50);
        return head;
    }

    @Test
    void anAttachedHeadSharesTheFeaturesAndChangesOnlyWhatTheFirstHeadTurnedDown() throws IOException {
        // The shipped model's first head, as a plain model file.
        MultiLayerNetwork base = ModelSerializer.restoreMultiLayerNetwork(new java.io.File("models/digitcam-cnn.zip"),
                false);
        Path baseFile = write(base, "base.zip");
        Path headFile = write(alwaysADigit(base), "head.zip");
        Path model = dir.resolve("model.zip");
        SecondHead.attach(baseFile, headFile, model);
        // Attaching again replaces the head instead of adding a second entry.
        SecondHead.attach(model, headFile, model);
        try (ZipFile zip = new ZipFile(model.toFile())) {
            assertThat(zip.stream().filter(e -> e.getName().equals(SecondHead.ENTRY))).hasSize(1);
        }
        // DL4J itself still reads the file as the first network.
        assertThat(ModelSerializer.restoreMultiLayerNetwork(model.toFile(), false).params()).isEqualTo(base.params());

        DigitClassifier plain = DigitClassifier.load(baseFile);
        DigitClassifier both = DigitClassifier.load(model);
        assertThat(plain.hasSecondHead()).isFalse();
        assertThat(both.hasSecondHead()).isTrue();
        assertThat(both.compiled()).isTrue();
        long dense = 0;
        for (int i = SecondHead.lastFeatureLayer(base) + 1; i < base.getnLayers(); i++) {
            dense += base.getLayer(i).numParams();
        }
        assertThat(both.parameters()).isEqualTo(base.numParams() + dense);

        // Digits and clutter: the first head reads the one and turns down the other.
        DigitSet sample = Trainer.concat(TestData.slice(0, 100),
                MnistData.nonDigits(Path.of("models/non-digits-idx3-ubyte.gz")));
        List<byte[]> crops = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            crops.add(Evaluator.crop(sample, i));
        }
        for (int i = 100; i < sample.size(); i += 97) {
            crops.add(Evaluator.crop(sample, i));
        }
        List<DigitPrediction> first = plain.classify(crops);
        List<DigitPrediction> answers = both.classify(crops);
        int changed = 0;
        int unsure = 0;
        for (int i = 0; i < crops.size(); i++) {
            DigitPrediction p = first.get(i);
            if (!p.rejected()) {
                assertThat(answers.get(i)).as("crop %d, read by the first head", i).isEqualTo(p);
                continue;
            }
            DigitPrediction second = DigitClassifier.predict(alwaysADigitProbabilities(p));
            if (answers.get(i).equals(p)) {
                unsure++;
            } else {
                changed++;
                assertThat(answers.get(i).rejected()).isFalse();
                assertThat(answers.get(i).label()).isEqualTo(second.label());
                assertThat(answers.get(i).probability()).isGreaterThanOrEqualTo(second.label() == 1
                        ? DigitClassifier.SECOND_HEAD_MIN_ONE : DigitClassifier.SECOND_HEAD_MIN);
            }
        }
        assertThat(changed).as("crops the second head read").isGreaterThan(10);
        assertThat(unsure).as("crops it was not sure enough of").isGreaterThan(0);
        Dl4jAgreement.assertAgree(model, TestData.slice(0, 100), 1e-4);
    }

    /** What {@link #alwaysADigit} answers, from the first head's probabilities: "not a digit" left out. */
    private static float[] alwaysADigitProbabilities(DigitPrediction p) {
        float[] v = new float[Batches.DIGITS + 1];
        v[p.label()] = (float) p.probability();
        v[p.runnerUp()] = (float) p.runnerUpProbability();
        return v;
    }

    @Test
    void aHeadOnOtherFeaturesIsRefused() throws IOException {
        Path baseFile = write(network(1, Batches.DIGITS + 1), "base.zip");
        Path model = dir.resolve("model.zip");
        SecondHead.attach(baseFile, write(network(3, Batches.DIGITS + 1), "other.zip"), model);
        assertThatThrownBy(() -> DigitClassifier.load(model)).isInstanceOf(ModelLoadException.class)
                .hasMessage(model + ": its second head was not trained on this model's convolutional layers");
    }

    @Test
    void aHeadOnADigitsOnlyModelIsRefused() throws IOException {
        MultiLayerNetwork base = network(1, Batches.DIGITS);
        Path model = dir.resolve("model.zip");
        SecondHead.attach(write(base, "base.zip"), write(base, "head.zip"), model);
        assertThatThrownBy(() -> DigitClassifier.load(model)).isInstanceOf(ModelLoadException.class)
                .hasMessage(model + ": has a second head but no \"not a digit\" output to consult it on");
    }

    @Test
    void aCorruptHeadIsOneLineNamingTheFile() throws IOException {
        Path baseFile = write(network(1, Batches.DIGITS + 1), "base.zip");
        Path model = dir.resolve("model.zip");
        try (ZipFile zip = new ZipFile(baseFile.toFile());
             OutputStream file = Files.newOutputStream(model);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                zip.getInputStream(e).transferTo(out);
            }
            out.putNextEntry(new ZipEntry(SecondHead.ENTRY));
            out.write("not a model".getBytes());
        }
        assertThatThrownBy(() -> DigitClassifier.load(model)).isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(model + ": its second head is corrupt (");
    }
}
