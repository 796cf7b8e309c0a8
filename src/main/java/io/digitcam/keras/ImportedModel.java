package io.digitcam.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A Keras model as DigitCam runs it: the DL4J network and how to feed it. Saved as a DL4J model
 * zip with one more entry, {@value #ENTRY}, holding the {@link InputSpec} and where the model came
 * from. Without that entry a loader could not tell an NHWC Keras network from one of ours, and
 * a wrong guess would not fail, only read badly.
 *
 * @param declaredInput the input as the Keras model declares it, e.g. "1×28×28 (channels first)"; it
 *                      can differ from {@code input}, which is how DigitCam runs it
 * @param pixelScale    what training divided pixels by before they reached the model (255 or 1)
 * @param notes         what the import changed (layers dropped or folded), for the summary
 */
public record ImportedModel(MultiLayerNetwork network, InputSpec input, String source, String kerasVersion,
                            String declaredInput, double pixelScale, List<String> notes) {
    public static final String ENTRY = "digitcam/keras-input.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the model zip, replacing {@code out} atomically. */
    public void save(Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path plain = Files.createTempFile(dir, out.getFileName().toString(), ".dl4j.tmp");
        Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
        try {
            ModelSerializer.writeModel(network, plain.toFile(), false);
            try (ZipFile zip = new ZipFile(plain.toFile());
                 OutputStream file = Files.newOutputStream(tmp);
                 ZipOutputStream zipOut = new ZipOutputStream(file)) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    zipOut.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(zipOut);
                    }
                    zipOut.closeEntry();
                }
                zipOut.putNextEntry(new ZipEntry(ENTRY));
                zipOut.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata()));
                zipOut.closeEntry();
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(plain);
            Files.deleteIfExists(tmp);
        }
    }

    private ObjectNode metadata() {
        ObjectNode o = JSON.createObjectNode();
        o.put("layout", input.layout().name());
        o.put("side", input.side());
        o.put("divisor", input.divisor());
        o.put("offset", input.offset());
        o.put("source", source);
        o.put("kerasVersion", kerasVersion);
        o.put("declaredInput", declaredInput);
        o.put("pixelScale", pixelScale);
        o.set("notes", JSON.valueToTree(notes));
        return o;
    }

    /** The input a saved model zip declares, or null for one of DigitCam's own models. */
    public static InputSpec inputOf(Path zipFile) throws IOException {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            ZipEntry entry = zip.getEntry(ENTRY);
            if (entry == null) {
                return null;
            }
            JsonNode o;
            try (InputStream in = zip.getInputStream(entry)) {
                o = JSON.readTree(in);
            }
            try {
                return new InputSpec(InputSpec.Layout.valueOf(o.path("layout").asText()), o.path("side").asInt(),
                        o.path("divisor").asDouble(), o.path("offset").asDouble());
            } catch (IllegalArgumentException e) {
                throw new IOException("its " + ENTRY + " is not valid (" + e.getMessage() + ")", e);
            }
        }
    }
}
