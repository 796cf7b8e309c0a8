package io.digitcam.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitcam.util.ErrorText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

/**
 * A Keras model on disk, opened: its architecture as JSON and where its weights are. Three
 * formats, told apart by their bytes rather than their names: a whole-model HDF5 file (Keras 1,
 * 2, or 3's legacy {@code .h5}), Keras 3's {@code .keras} zip (config.json beside
 * model.weights.h5), and an architecture {@code .json} with a separate weights file.
 *
 * <p>The HDF5 library prints its own error stack to stderr for a file that is not HDF5, so the
 * signature is checked before the library is asked.
 */
public final class KerasFile implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    public enum Format {
        H5("whole-model .h5"), KERAS_ZIP(".keras"), JSON("architecture .json");

        final String label;

        Format(String label) {
            this.label = label;
        }
    }

    private final Path file;
    private final Format format;
    private final ObjectNode config;
    private final int generation;
    private final String version;
    private final KerasWeights weights;
    private final Path temporary;

    private KerasFile(Path file, Format format, ObjectNode config, KerasWeights weights, Path temporary) {
        this.file = file;
        this.format = format;
        this.config = config;
        this.version = config.path("keras_version").asText("");
        this.generation = generationOf(config, version);
        this.weights = weights;
        this.temporary = temporary;
    }

    /** Whether {@code --model} should import this file rather than read it as a DL4J zip. */
    public static boolean isKerasName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".keras") || name.endsWith(".json");
    }

    /**
     * Opens {@code file}; {@code weightsFile} is needed for an architecture .json only, and when
     * null one is looked for beside it (NAME.weights.h5, then NAME.h5).
     */
    public static KerasFile open(Path file, Path weightsFile) throws KerasException {
        if (!Files.exists(file)) {
            throw new KerasException(file, "model file not found");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new KerasException(file, "not a readable file");
        }
        quietHdf5();
        if (isHdf5(file)) {
            if (weightsFile != null) {
                throw new KerasException(file, "is a whole model with its weights: --weights is only for an architecture .json");
            }
            return openH5(file);
        }
        if (isZip(file)) {
            if (weightsFile != null) {
                throw new KerasException(file, "is a .keras model with its weights: --weights is only for an architecture .json");
            }
            return openKerasZip(file);
        }
        ObjectNode config = parseConfig(file, readText(file));
        Path weights = weightsFile != null ? weightsFile : besideJson(file);
        if (weights == null) {
            throw new KerasException(file, "is an architecture without weights: give its weights file with --weights");
        }
        if (!Files.isRegularFile(weights)) {
            throw new KerasException(weights, "weights file not found");
        }
        if (!isHdf5(weights)) {
            throw new KerasException(weights, "not an HDF5 weights file");
        }
        return new KerasFile(file, Format.JSON, config, KerasWeights.open(weights), null);
    }

    /**
     * A file with HDF5's signature can still be truncated or damaged, and the library then prints
     * its error stack (twenty lines) on stderr before it throws. The exception says enough; the
     * setting is the calling thread's in a thread-safe build, so it is made on every open.
     */
    private static void quietHdf5() throws KerasException {
        try {
            org.bytedeco.hdf5.Exception.dontPrint();
        } catch (UnsatisfiedLinkError e) {
            throw new KerasException(Path.of("HDF5"), "the native HDF5 library cannot be loaded (" + ErrorText.oneLine(e) + ")", e);
        }
    }

    private static KerasFile openH5(Path file) throws KerasException {
        String json;
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            if (!archive.hasAttribute("model_config")) {
                throw new KerasException(file, "holds weights only: give the model's architecture .json and this "
                        + "file as --weights");
            }
            json = archive.readAttributeAsJson("model_config");
        } catch (KerasException e) {
            throw e;
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new KerasException(file, "corrupt or truncated HDF5 file (" + ErrorText.oneLine(e) + ")", e);
        }
        ObjectNode config = parseConfig(file, json);
        if (!config.has("keras_version")) {
            // Keras 2 and 3 keep the version as a root attribute of the file as well as in the JSON.
            try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
                if (archive.hasAttribute("keras_version")) {
                    config.put("keras_version", archive.readAttributeAsString("keras_version"));
                }
            } catch (Exception e) {
                throw new KerasException(file, "corrupt or truncated HDF5 file (" + ErrorText.oneLine(e) + ")", e);
            }
        }
        return new KerasFile(file, Format.H5, config, KerasWeights.open(file), null);
    }

    private static KerasFile openKerasZip(Path file) throws KerasException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry configEntry = zip.getEntry("config.json");
            ZipEntry weightsEntry = zip.getEntry("model.weights.h5");
            if (configEntry == null) {
                throw new KerasException(file, "not a .keras model (the zip has no config.json)");
            }
            if (weightsEntry == null) {
                throw new KerasException(file, "has no weights (no model.weights.h5 in the .keras zip)");
            }
            ObjectNode config;
            try (InputStream in = zip.getInputStream(configEntry)) {
                config = parseConfig(file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            ZipEntry metadata = zip.getEntry("metadata.json");
            if (!config.has("keras_version") && metadata != null) {
                try (InputStream in = zip.getInputStream(metadata)) {
                    JsonNode meta = JSON.readTree(in);
                    if (meta.has("keras_version")) {
                        config.put("keras_version", meta.get("keras_version").asText());
                    }
                }
            }
            // HDF5 reads files, not streams.
            Path weights = Files.createTempFile("digitcam-keras-", ".weights.h5");
            try (InputStream in = zip.getInputStream(weightsEntry)) {
                Files.copy(in, weights, StandardCopyOption.REPLACE_EXISTING);
                if (!isHdf5(weights)) {
                    throw new KerasException(file, "its model.weights.h5 is not an HDF5 file");
                }
                return new KerasFile(file, Format.KERAS_ZIP, config, KerasWeights.open(weights), weights);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(weights);
                throw e;
            }
        } catch (KerasException e) {
            throw e;
        } catch (ZipException e) {
            throw new KerasException(file, "not a .keras model (a corrupt or truncated zip)");
        } catch (IOException e) {
            throw new KerasException(file, "cannot be read (" + ErrorText.oneLine(e) + ")", e);
        }
    }

    private static Path besideJson(Path json) {
        String name = json.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        for (String suffix : new String[] {".weights.h5", ".h5"}) {
            Path candidate = json.resolveSibling(stem + suffix);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String readText(Path file) throws KerasException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new KerasException(file, "not a Keras model (neither HDF5, a .keras zip nor JSON text)");
        }
    }

    private static ObjectNode parseConfig(Path file, String json) throws KerasException {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new KerasException(file, "not a Keras model (neither HDF5, a .keras zip nor JSON)");
        }
        if (!(node instanceof ObjectNode o) || !o.has("class_name") || !o.has("config")) {
            throw new KerasException(file, "not a Keras model configuration (no class_name/config)");
        }
        return o;
    }

    static boolean isHdf5(Path file) {
        byte[] head = new byte[HDF5_SIGNATURE.length];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, head.length) == head.length && java.util.Arrays.equals(head, HDF5_SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** Keras 3 writes keras_version "3.x"; a config without one is told by Keras 3's own keys. */
    private static int generationOf(ObjectNode config, String version) {
        if (!version.isEmpty() && Character.isDigit(version.charAt(0))) {
            return version.charAt(0) - '0';
        }
        return config.has("module") || config.toString().contains("\"batch_shape\"") ? 3 : 2;
    }

    public Path file() {
        return file;
    }

    public Format format() {
        return format;
    }

    /** The architecture as the file has it (a copy is for the caller to change). */
    public ObjectNode config() {
        return config.deepCopy();
    }

    /** 1, 2 or 3: which Keras wrote the file. */
    public int generation() {
        return generation;
    }

    /** The Keras version the file names, or "" if it names none. */
    public String version() {
        return version;
    }

    public KerasWeights weights() {
        return weights;
    }

    @Override
    public void close() {
        weights.close();
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                temporary.toFile().deleteOnExit();
            }
        }
    }
}
