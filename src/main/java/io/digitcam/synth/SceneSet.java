package io.digitcam.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitcam.vision.Box;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Generated scenes saved as a folder: one JPEG per scene and {@code truth.json} with every
 * scene's digits, numbers and conditions. A set committed this way is read the same on any
 * machine, whatever fonts or photos it has.
 */
public final class SceneSet {
    public static final String TRUTH = "truth.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SceneSet() {
    }

    public static void write(Path dir, List<SynthScene> scenes) throws IOException {
        Files.createDirectories(dir);
        ArrayNode all = JSON.createArrayNode();
        for (int i = 0; i < scenes.size(); i++) {
            SynthScene s = scenes.get(i);
            String name = String.format("scene-%04d.jpg", i);
            writeJpeg(s.image(), dir.resolve(name));
            ObjectNode node = all.addObject();
            node.put("file", name);
            s.numbers().forEach(node.putArray("numbers")::add);
            s.conditions().stream().map(Condition::toString).sorted().forEach(node.putArray("conditions")::add);
            ArrayNode digits = node.putArray("digits");
            for (SynthDigit d : s.digits()) {
                ObjectNode dn = digits.addObject();
                dn.put("label", d.label());
                ArrayNode box = dn.putArray("box");
                for (int v : d.box().toArray()) {
                    box.add(v);
                }
                d.conditions().stream().map(Condition::toString).sorted().forEach(dn.putArray("conditions")::add);
            }
        }
        JSON.writeValue(dir.resolve(TRUTH).toFile(), all);
    }

    public static List<SynthScene> read(Path dir) throws IOException {
        JsonNode all = JSON.readTree(dir.resolve(TRUTH).toFile());
        List<SynthScene> scenes = new ArrayList<>();
        for (JsonNode node : all) {
            Path file = dir.resolve(node.path("file").asText());
            BufferedImage raw = ImageIO.read(file.toFile());
            if (raw == null) {
                throw new IOException(file + ": not an image");
            }
            BufferedImage bgr = new BufferedImage(raw.getWidth(), raw.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            bgr.getGraphics().drawImage(raw, 0, 0, null);
            List<SynthDigit> digits = new ArrayList<>();
            for (JsonNode d : node.path("digits")) {
                JsonNode b = d.path("box");
                digits.add(new SynthDigit(d.path("label").asInt(),
                        new Box(b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt()),
                        conditions(d.path("conditions"))));
            }
            List<String> numbers = new ArrayList<>();
            node.path("numbers").forEach(n -> numbers.add(n.asText()));
            scenes.add(new SynthScene(bgr, digits, numbers, conditions(node.path("conditions"))));
        }
        return scenes;
    }

    private static Set<Condition> conditions(JsonNode array) {
        Set<Condition> out = new HashSet<>();
        array.forEach(c -> out.add(Condition.parse(c.asText())));
        return out;
    }

    private static void writeJpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.85f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
