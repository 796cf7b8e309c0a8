package io.digitcam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitcam.keras.ImportedModel;
import io.digitcam.keras.KerasImporter;
import io.digitcam.model.DigitClassifier;
import io.digitcam.model.DigitImages;
import io.digitcam.model.DigitPrediction;
import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code digitcam import-keras} on every Keras fixture (src/test/keras/make_fixtures.py): the zip
 * it writes must run as {@code --model} exactly like the Keras file, and score on MNIST what Keras
 * scored; every file it cannot import is one error line and exit 1.
 */
@org.junit.jupiter.api.Tag("slow")
class ImportKerasCliTest extends CommandLineTest {
    static final Path FIXTURES = Path.of("src/test/resources/keras");
    /** The full MNIST test set, the one Keras's accuracy.json was measured on. */
    static final Path MNIST = Path.of("src/test/resources/mnist");
    static DigitSet mnist;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadMnist() throws Exception {
        mnist = MnistData.test(MNIST);
    }

    /** Each run's output on its own: these tests run several commands in a row. */
    @Override
    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return super.run(args);
    }

    static List<byte[]> crops(int n) {
        List<byte[]> crops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            crops.add(Arrays.copyOfRange(mnist.pixels(), i * DigitImages.PIXELS, (i + 1) * DigitImages.PIXELS));
        }
        return crops;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "mlp-keras3.keras,    ,  784 (flat),                     255",
        "lenet-keras3.h5,     ,  32×32×1 (channels last),        255",
        "cnn-bn-keras3.keras, ,  28×28×1 (channels last),        1",
        "mlp-raw-keras2.h5,   1, 28×28 (one channel),            1",
        "cnn-chw-keras2.json, ,  1×28×28 (channels first),       255",
    })
    void eachFixtureImportsAndItsZipRunsLikeTheKerasFile(String file, String pixelScale, String input,
                                                         String scale) throws Exception {
        Path keras = FIXTURES.resolve(file);
        Path zip = dir.resolve("imported.zip");
        List<String> args = new ArrayList<>(List.of("import-keras", keras.toString(), "--out", zip.toString()));
        if (pixelScale != null) {
            args.addAll(List.of("--pixel-scale", pixelScale));
        }
        assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        String summary = out.toString();
        assertThat(summary).contains("layer", "type", "output", "parameters")
                .containsPattern("(?m)^total parameters: [\\d,]+$")
                .contains("input: " + input)
                .containsPattern("(?m)^pixel scale: " + scale + " ")
                .contains("classes: 10 (digits 0-9")
                .containsPattern("(?m)^runs on: (DigitCam's compiled path|DL4J's output\\(\\))")
                .contains("Wrote " + zip);
        // The last layer's row: 10 outputs.
        assertThat(summary).containsPattern("(?m)^  \\S+\\s+\\S.*\\s10\\s+[\\d,]+$");
        long total = Long.parseLong(summary.replaceAll("(?s).*total parameters: ([\\d,]+).*", "$1").replace(",", ""));

        // The zip remembers how the model takes its input and scales its pixels.
        ImportedModel imported = KerasImporter.importModel(keras, null, pixelScale == null ? null : Double.valueOf(pixelScale));
        assertThat(ImportedModel.inputOf(zip)).isEqualTo(imported.input());
        assertThat(imported.network().numParams()).isEqualTo(total);

        // Loaded as --model loads it, the zip gives the Keras file's own probabilities.
        DigitClassifier fromZip = DigitClassifier.load(zip);
        List<DigitPrediction> a = fromZip.classify(crops(20));
        float[][] direct = imported.network().output(imported.input().features(unit(20), 20), false).toFloatMatrix();
        for (int i = 0; i < 20; i++) {
            DigitPrediction p = a.get(i);
            assertThat(p.probability()).isCloseTo(direct[i][p.label()], offset(1e-6));
            assertThat(p.runnerUpProbability()).isCloseTo(direct[i][p.runnerUp()], offset(1e-6));
        }
        if (pixelScale == null) {
            // With the default pixel scale the Keras file itself can be --model: the same answers to the digit.
            List<DigitPrediction> b = DigitClassifier.load(keras).classify(crops(20));
            assertThat(a).isEqualTo(b);
            // And through predict --model: the same digits, confidences and boxes on a photo.
            assertThat(predictJson(zip)).isEqualTo(predictJson(keras)).contains("\"digits\":[{");
        }
    }

    /** {@code predict --json --model M} on a scene with handwritten "69 23", without its timing. */
    private String predictJson(Path model) {
        String scene = "src/test/resources/regression-scenes/scene-0034.jpg";
        assertThat(run("predict", "--json", "--model", model.toString(), scene)).as(err.toString()).isZero();
        return out.toString().strip().replaceAll(",\"millis\":[\\d.]+", "");
    }

    private static float[] unit(int n) {
        float[] x = new float[n * DigitImages.PIXELS];
        DigitImages.toUnit(mnist.pixels(), 0, x, 0, x.length);
        return x;
    }

    /**
     * The accuracy target: {@code evaluate --model <imported zip>} on all 10,000 MNIST test digits
     * scores what Keras scored with the same file (accuracy.json) within 0.1 points. The DL4J path
     * takes about a millisecond a digit for the CNNs, so the full set is affordable here.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"mlp-keras3.keras, ", "lenet-keras3.h5, ", "cnn-bn-keras3.keras, ", "mlp-raw-keras2.h5, 1",
        "cnn-chw-keras2.json, "})
    void evaluateScoresWhatKerasScored(String file, String pixelScale) throws Exception {
        Path zip = dir.resolve("imported.zip");
        List<String> args = new ArrayList<>(List.of("import-keras", FIXTURES.resolve(file).toString(), "--out",
                zip.toString()));
        if (pixelScale != null) {
            args.addAll(List.of("--pixel-scale", pixelScale));
        }
        assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
        assertThat(run("evaluate", "--model", zip.toString(), "--data", MNIST.toString(), "--out",
                dir.resolve("report").toString())).as(err.toString()).isZero();
        Matcher m = Pattern.compile("accuracy (\\d+\\.\\d+)% \\((\\d+) of 10000 wrong\\)").matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        double keras = new ObjectMapper().readTree(FIXTURES.resolve("accuracy.json").toFile()).get(file)
                .get("accuracy").asDouble();
        assertThat(Double.parseDouble(m.group(1))).as("DigitCam's accuracy, %").isCloseTo(100 * keras, offset(0.1));
    }

    // --- what it refuses: one line on stderr, exit 1, nothing written --------------------------------

    private void assertRefused(String fragment, String... args) {
        Path target = dir.resolve("refused.zip");
        String[] full = new String[args.length + 3];
        full[0] = "import-keras";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--out";
        full[args.length + 2] = target.toString();
        assertThat(run(full)).as(err.toString()).isEqualTo(1);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).singleElement().asString().startsWith("digitcam: ").contains(fragment)
                .doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
        assertThat(target).doesNotExist();
    }

    @Test
    void aTruncatedH5IsCorrupt() throws Exception {
        Path bad = dir.resolve("truncated.h5");
        byte[] whole = Files.readAllBytes(FIXTURES.resolve("lenet-keras3.h5"));
        Files.write(bad, Arrays.copyOf(whole, whole.length / 3));
        assertRefused(bad + ": corrupt or truncated HDF5 file", bad.toString());
    }

    @Test
    void aTextFileNamedH5IsNotAKerasModel() throws Exception {
        Path bad = dir.resolve("notes.h5");
        Files.writeString(bad, "shopping list: eggs, milk\n");
        assertRefused(bad + ": not a Keras model", bad.toString());
    }

    @Test
    void aKerasZipWithoutWeightsSaysSo() throws Exception {
        Path bad = dir.resolve("no-weights.keras");
        copyZip(FIXTURES.resolve("mlp-keras3.keras"), bad, "model.weights.h5");
        assertRefused(bad + ": has no weights", bad.toString());
    }

    @Test
    void aZipThatIsNoKerasModelSaysSo() throws Exception {
        Path bad = dir.resolve("photos.keras");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bad))) {
            zip.putNextEntry(new ZipEntry("holiday.txt"));
            zip.write("not a model".getBytes());
        }
        assertRefused(bad + ": not a .keras model", bad.toString());
    }

    @Test
    void colourInputIsNotSupported() {
        Path colour = FIXTURES.resolve("colour-input-keras3.keras");
        assertRefused(colour + ": colour input 28×28×3 is not supported", colour.toString());
    }

    @Test
    void fiveOutputsAreNotSupported() {
        Path five = FIXTURES.resolve("five-outputs-keras3.keras");
        assertRefused(five + ": 5 outputs are not supported", five.toString());
    }

    @Test
    void anInputShapeOtherThanADigitsIsNotSupported() throws Exception {
        ObjectNode config = chwConfig();
        ((ObjectNode) layers(config).get(0).get("config")).set("batch_input_shape",
                new ObjectMapper().readTree("[null, 1, 64, 64]"));
        Path json = write(config, "big.json");
        assertRefused(json + ": input shape 1×64×64 is not supported", json.toString(), "--weights",
                FIXTURES.resolve("cnn-chw-keras2.weights.h5").toString());
    }

    @Test
    void anUnsupportedLayerIsNamed() throws Exception {
        ObjectNode config = chwConfig();
        layers(config).insert(2, new ObjectMapper().readTree(
                "{\"class_name\": \"UnitNormalization\", \"config\": {\"name\": \"unit_norm\", \"axis\": [-1]}}"));
        Path json = write(config, "unit-norm.json");
        assertRefused(json + ": layer type UnitNormalization is not supported", json.toString(), "--weights",
                FIXTURES.resolve("cnn-chw-keras2.weights.h5").toString());
    }

    @Test
    void aJsonWithoutWeightsAsksForThem() throws Exception {
        Path json = write(chwConfig(), "alone.json");
        assertRefused(json + ": is an architecture without weights: give its weights file with --weights", json.toString());
        Path missing = dir.resolve("missing.weights.h5");
        assertRefused(missing + ": weights file not found", json.toString(), "--weights", missing.toString());
        Path other = FIXTURES.resolve("mlp-raw-keras2.h5");
        assertRefused(other + ": has no weights for layer conv2d_1", json.toString(), "--weights", other.toString());
    }

    @Test
    void aPixelScaleOtherThan255Or1IsRefused() {
        Path lenet = FIXTURES.resolve("lenet-keras3.h5");
        assertRefused("pixel scale 3.0 is not supported", lenet.toString(), "--pixel-scale", "3");
    }

    @Test
    void itNeverOverwritesAShippedModelAndAnExistingFileOnlyWithForce() throws Exception {
        String lenet = FIXTURES.resolve("lenet-keras3.h5").toString();
        Path shipped = dir.resolve("digitcam-cnn.zip");
        Files.writeString(shipped, "stand-in");
        for (String[] args : new String[][] {{shipped.toString()}, {shipped.toString(), "--force"}}) {
            List<String> full = new ArrayList<>(List.of("import-keras", lenet, "--out"));
            full.addAll(List.of(args));
            assertThat(run(full.toArray(String[]::new))).isEqualTo(1);
            assertThat(err.toString().strip()).startsWith("digitcam: " + shipped + ": will not overwrite");
        }
        assertThat(Files.readString(shipped)).isEqualTo("stand-in");

        Path mine = dir.resolve("mine.zip");
        Files.writeString(mine, "older");
        assertThat(run("import-keras", lenet, "--out", mine.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("digitcam: " + mine + ": already exists: add --force to overwrite it");
        assertThat(Files.readString(mine)).isEqualTo("older");
        assertThat(run("import-keras", lenet, "--out", mine.toString(), "--force")).as(err.toString()).isZero();
        assertThat(ImportedModel.inputOf(mine)).isNotNull();

        assertThat(run("import-keras", lenet, "--out", dir.resolve("mine.h5").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("--out must end in .zip");
    }

    @Test
    void theDefaultOutputIsModelsNameZip() {
        assertThat(ImportKerasCommand.defaultOut(Path.of("some/where/lenet-keras3.h5")))
                .isEqualTo(Path.of("models", "lenet-keras3.zip"));
        assertThat(ImportKerasCommand.defaultOut(Path.of("cnn.weights.h5"))).isEqualTo(Path.of("models", "cnn.zip"));
        assertThat(ImportKerasCommand.defaultOut(Path.of("x/mnist.keras"))).isEqualTo(Path.of("models", "mnist.zip"));
        assertThat(ImportKerasCommand.defaultOut(Path.of("arch.JSON"))).isEqualTo(Path.of("models", "arch.zip"));
    }

    @Test
    void helpListsImportKeras() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("import-keras");
        // Named as the first argument, it is the subcommand, not an option of the app.
        assertThat(DigitCamCommand.withDefaultCommand("import-keras", "x.h5")[0]).isEqualTo("import-keras");
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static ObjectNode chwConfig() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(FIXTURES.resolve("cnn-chw-keras2.json").toFile());
    }

    private static ArrayNode layers(ObjectNode config) {
        return (ArrayNode) config.get("config").get("layers");
    }

    private Path write(JsonNode config, String name) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, config.toString());
        return file;
    }

    /** A copy of a zip without one entry. */
    private static void copyZip(Path from, Path to, String without) throws Exception {
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
             ZipOutputStream zip = new ZipOutputStream(file)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                if (!e.getName().equals(without)) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    in.getInputStream(e).transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
    }
}
