package io.digitcam.train;

import io.digitcam.model.Dl4jAgreement;
import io.digitcam.model.SecondHead;
import io.digitcam.model.TestData;

import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import io.digitcam.model.Batches;
import io.digitcam.model.DigitClassifier;
import io.digitcam.model.DigitImages;
import io.digitcam.model.DigitPrediction;
import io.digitcam.model.SecondHead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains the real architecture on a few hundred images: the whole train → checkpoint → resume →
 * report → load path, and the compiled inference path against DL4J on a network whose batch
 * norms have learned non-trivial statistics.
 */
@org.junit.jupiter.api.Tag("slow")
class TrainerSmokeTest {
    @TempDir
    static Path dir;
    static ModelFiles files;
    static Trainer.Result result;
    static TrainingOptions options;

    @BeforeAll
    static void train() throws IOException {
        DigitSet train = TestData.slice(0, 600);
        DigitSet test = TestData.slice(9_000, 500);
        files = new ModelFiles(dir.resolve("smoke.zip"));
        List<String> log = new ArrayList<>();
        // Weight averaging starts before the interruption, so the resumed run must carry its sum on.
        options = new TrainingOptions(Architecture.BNCNN, 2, 32, 2, 1, true, 100, 0, null, 2);
        new Trainer(options, log::add).train(train, test, files, false);
        assertThat(files.checkpoint()).exists();
        assertThat(files.checkpointAverage()).exists();
        options = new TrainingOptions(Architecture.BNCNN, 3, 32, 2, 1, true, 100, 0, null, 2);
        result = new Trainer(options, log::add).train(train, test, files, true);
        assertThat(log).anyMatch(line -> line.startsWith("Resuming after epoch 2 of 3"));
        TrainingReport.write(files, options, result, test);
    }

    @Test
    void lossGoesDownAndAllEpochsAreRecorded() {
        assertThat(result.history()).extracting(EpochStats::epoch).containsExactly(1, 2, 3);
        assertThat(result.history().get(2).trainLoss()).isLessThan(result.history().get(0).trainLoss());
        assertThat(result.history().get(2).testAccuracy()).isGreaterThan(0.5);
        assertThat(result.train().size()).isEqualTo(500);
        assertThat(result.validation().size()).isEqualTo(100);
    }

    @Test
    void averagesWeightsAcrossTheResumeAndScoresTheAverage() throws IOException {
        assertThat(result.snapshots()).isEqualTo(2 * Trainer.SNAPSHOTS_PER_EPOCH);
        assertThat(result.averages()).extracting(EpochStats::epoch).containsExactly(2, 3);
        assertThat(result.averages().get(1).testAccuracy()).isGreaterThan(0.5);
        assertThat(result.bestStats().epoch()).isEqualTo(result.bestEpoch());
        JsonNode avg = new ObjectMapper().readTree(files.metrics().toFile()).get("weightAveraging");
        assertThat(avg.get("fromEpoch").asInt()).isEqualTo(2);
        assertThat(avg.get("snapshots").asInt()).isEqualTo(8);
        assertThat(avg.get("kept").asBoolean()).isEqualTo(result.bestAveraged());
        assertThat(avg.get("history")).hasSize(2);
    }

    @Test
    void writesMetricsAndPlotsAndKeepsTheCheckpointForExtending() throws IOException {
        JsonNode m = new ObjectMapper().readTree(files.metrics().toFile());
        assertThat(m.get("architecture").asText()).isEqualTo("BNCNN");
        assertThat(m.get("epochs").asInt()).isEqualTo(3);
        assertThat(m.get("parameters").asLong()).isEqualTo(result.best().numParams());
        assertThat(m.get("perClass")).hasSize(10);
        assertThat(m.get("history")).hasSize(3);
        assertThat(m.get("augmentedEpochs").asInt()).isEqualTo(3);
        assertThat(m.get("dataSha256").get(MnistData.TEST_IMAGES).asText()).hasSize(64);
        int total = 0;
        int diagonal = 0;
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                int v = m.get("confusionMatrix").get(a).get(p).asInt();
                total += v;
                diagonal += a == p ? v : 0;
            }
        }
        assertThat(total).isEqualTo(500);
        assertThat(m.get("testAccuracy").asDouble()).isCloseTo(diagonal / 500.0, within(1e-6));
        BufferedImage curves = ImageIO.read(files.curves().toFile());
        BufferedImage confusion = ImageIO.read(files.confusion().toFile());
        assertThat(curves.getWidth()).isEqualTo(1280);
        assertThat(confusion.getWidth()).isGreaterThan(500);
        assertThat(files.checkpoint()).exists();
        assertThat(files.checkpointState()).exists();
    }

    @Test
    void savedModelLoadsAndTheCompiledPathMatchesDl4j() throws IOException {
        Dl4jAgreement.assertAgree(files.model(), TestData.slice(5_000, 300), 1e-4);
    }

    @Test
    void lenetBaselineAlsoCompiles() throws IOException {
        MultiLayerNetwork lenet = new MultiLayerNetwork(Architecture.LENET.configure(3, 10, 10, 1));
        lenet.init();
        Path file = dir.resolve("lenet.zip");
        ModelSerializer.writeModel(lenet, file.toFile(), false);
        assertThat(DigitClassifier.load(file).compiled()).isTrue();
    }

    @Test
    void fineTuningGrowsANotADigitClassAndKeepsTheDigits() throws IOException {
        int count = 300;
        DigitSet negatives = junk(count, 5);
        ModelFiles tuned = new ModelFiles(dir.resolve("tuned.zip"));
        TrainingOptions fineTune = new TrainingOptions(Architecture.BNCNN, 2, 32, 2, 1, true, 100, 0, files.model());
        Trainer.Result r = new Trainer(fineTune, line -> { }).train(TestData.slice(0, 600), negatives,
                TestData.slice(9_000, 500), tuned, false);
        TrainingReport.write(tuned, fineTune, r, TestData.slice(9_000, 500));

        DigitClassifier classifier = DigitClassifier.load(tuned.model());
        assertThat(classifier.outputs()).isEqualTo(11);
        assertThat(classifier.compiled()).isTrue();
        List<byte[]> junk = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            junk.add(Evaluator.crop(negatives, i));
        }
        assertThat(classifier.classify(junk)).filteredOn(DigitPrediction::rejected).hasSizeGreaterThan(20);
        Evaluator.Result digits = Evaluator.evaluate(classifier, TestData.slice(9_000, 500));
        assertThat(digits.accuracy()).isGreaterThan(0.5);

        JsonNode m = new ObjectMapper().readTree(tuned.metrics().toFile());
        assertThat(m.get("notADigitClass").get("images").asInt()).isEqualTo(count);
        assertThat(m.get("fineTunedFrom").get("model").asText()).isEqualTo("smoke.zip");
        assertThat(m.get("confusionMatrix")).hasSize(10);
        assertThat(m.get("confusionMatrix").get(0)).hasSize(11);
        assertThat(m.get("testAccuracy").asDouble()).isCloseTo(digits.accuracy(), within(1e-6));
    }

    @Test
    void tuningTheHeadKeepsTheFeaturesAndWritesAPlainModel() throws IOException {
        ModelFiles tuned = new ModelFiles(dir.resolve("head.zip"));
        TrainingOptions headOnly = new TrainingOptions(Architecture.BNCNN, 1, 32, 2, 1, true, 100, 0, files.model(), 0,
                true);
        Trainer.Result r = new Trainer(headOnly, line -> { }).train(TestData.slice(0, 600), junk(100, 7),
                TestData.slice(9_000, 500), tuned, false);
        TrainingReport.write(tuned, headOnly, r, TestData.slice(9_000, 500));

        MultiLayerNetwork before = ModelSerializer.restoreMultiLayerNetwork(files.model().toFile(), false);
        MultiLayerNetwork after = ModelSerializer.restoreMultiLayerNetwork(tuned.model().toFile(), false);
        int features = SecondHead.lastFeatureLayer(before);
        assertThat(after.getLayerWiseConfigurations().getConfs())
                .noneMatch(c -> c.getLayer() instanceof org.deeplearning4j.nn.conf.layers.misc.FrozenLayer);
        for (int i = 0; i <= features; i++) {
            // Convolutions and their batch-norm statistics alike.
            assertThat(after.getLayer(i).params()).as("layer %d", i).isEqualTo(before.getLayer(i).params());
        }
        assertThat(after.getLayer(features + 1).params()).isNotEqualTo(before.getLayer(features + 1).params());
        assertThat(DigitClassifier.load(tuned.model()).compiled()).isTrue();
        assertThat(new ObjectMapper().readTree(tuned.metrics().toFile()).get("fineTunedFrom").get("layers").asText())
                .isEqualTo("dense head only");
    }

    @Test
    void aSecondHeadIsWrittenInsideItsBaseAndTheModelIsScoredAsTheAppRunsIt() throws IOException {
        DigitSet test = TestData.slice(9_000, 500);
        // --second-head wants a base that can say "not a digit".
        ModelFiles base = new ModelFiles(dir.resolve("base11.zip"));
        new Trainer(new TrainingOptions(Architecture.BNCNN, 1, 32, 2, 1, true, 100, 0, files.model()), line -> { })
                .train(TestData.slice(0, 600), junk(200, 8), test, base, false);
        ModelFiles second = new ModelFiles(dir.resolve("second.zip"));
        TrainingOptions headOnly = new TrainingOptions(Architecture.BNCNN, 1, 32, 2, 1, true, 100, 0, base.model(), 0,
                true);
        Trainer.Result r = new Trainer(headOnly, line -> { }).train(TestData.slice(0, 600), junk(100, 9), test, second,
                false);
        SecondHead.attach(base.model(), second.model(), second.model());
        TrainingReport.write(second, headOnly, r, test, true);

        DigitClassifier model = DigitClassifier.load(second.model());
        assertThat(model.hasSecondHead()).isTrue();
        JsonNode m = new ObjectMapper().readTree(second.metrics().toFile());
        assertThat(m.get("testAccuracy").asDouble()).isCloseTo(Evaluator.evaluate(model, test).accuracy(), within(1e-6));
        assertThat(m.get("parameters").asLong()).isEqualTo(model.parameters());
        assertThat(m.get("secondHead").get("attachedTo").asText()).isEqualTo("base11.zip");
        assertThat(m.get("secondHead").get("aloneTestAccuracy").asDouble())
                .isCloseTo(Scorer.score(r.best(), test).accuracy(), within(1e-6));
        // Extending the finished run finds the trained network inside the model file, not the base.
        Trainer.Result again = new Trainer(headOnly, line -> { }).train(TestData.slice(0, 600), junk(100, 9), test,
                second, true);
        assertThat(again.best().params()).isEqualTo(r.best().params());
    }

    /** Non-digits the network can learn in one short epoch: filled boxes and bars of noise. */
    private static DigitSet junk(int count, long seed) {
        java.util.Random random = new java.util.Random(seed);
        byte[] pixels = new byte[count * DigitImages.PIXELS];
        for (int i = 0; i < count; i++) {
            int x0 = random.nextInt(8);
            int y0 = random.nextInt(8);
            for (int y = y0; y < y0 + 16; y++) {
                for (int x = x0; x < x0 + 12 + random.nextInt(8); x++) {
                    pixels[i * DigitImages.PIXELS + y * DigitImages.SIDE + x] = (byte) (128 + random.nextInt(128));
                }
            }
        }
        byte[] labels = new byte[count];
        java.util.Arrays.fill(labels, (byte) Batches.NOT_A_DIGIT);
        return new DigitSet(pixels, labels, "n", null);
    }

    @Test
    void extraLabelledImagesJoinTrainingAndValidationAndAreReported() throws IOException {
        // Digits and junk in one labelled set, as harvested scene crops come; no separate negatives.
        DigitSet both = Trainer.concat(TestData.slice(2_000, 200), junk(100, 6));
        DigitSet extra = new DigitSet(both.pixels(), both.labels(), "ei", "el");
        ModelFiles tuned = new ModelFiles(dir.resolve("extra.zip"));
        TrainingOptions fineTune = new TrainingOptions(Architecture.BNCNN, 1, 32, 2, 1, true, 100, 0, files.model());
        Trainer.Result r = new Trainer(fineTune, line -> { }).train(TestData.slice(0, 600), null, extra,
                TestData.slice(9_000, 500), tuned, false);
        TrainingReport.write(tuned, fineTune, r, TestData.slice(9_000, 500));

        assertThat(r.train().size()).isEqualTo(500 + 270);
        assertThat(r.validation().size()).isEqualTo(100 + 30);
        assertThat(r.extraValidation().size()).isEqualTo(30);
        assertThat(DigitClassifier.load(tuned.model()).outputs()).isEqualTo(11);
        JsonNode ex = new ObjectMapper().readTree(tuned.metrics().toFile()).get("extraImages");
        assertThat(ex.get("images").asInt()).isEqualTo(300);
        assertThat(ex.get("labelsSha256").asText()).isEqualTo("el");
        assertThat(ex.get("validationImages").asInt()).isEqualTo(30);
        assertThat(ex.get("validationAccuracy").asDouble()).isBetween(0.3, 1.0);
    }
}
