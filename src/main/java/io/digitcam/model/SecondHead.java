package io.digitcam.model;


import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A model's optional second head, kept inside the model file: the same network fine-tuned with
 * its convolutional layers frozen (see {@code train.FineTuning}), stored whole as one more zip entry.
 *
 * <p>One file stays one model: {@code --model}, a capture's checksum and {@code evaluate} all
 * name or score what the app runs. DL4J reads its own entries and ignores this one, so such a
 * file still loads as the plain first network anywhere else.
 */
public final class SecondHead {
    static final String ENTRY = "digitcam/second-head.zip";

    private SecondHead() {
    }

    /** The second head's network, or null if the model has none. */
    public static MultiLayerNetwork read(Path model) throws IOException {
        try (ZipFile zip = new ZipFile(model.toFile())) {
            ZipEntry entry = zip.getEntry(ENTRY);
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return ModelSerializer.restoreMultiLayerNetwork(in, false);
            }
        }
    }

    /**
     * Writes {@code out}: {@code base}'s entries with {@code head} (a model file) added as the
     * second head. {@code out} may be {@code head} itself; it is replaced atomically.
     */
    public static void attach(Path base, Path head, Path out) throws IOException {
        byte[] headBytes = Files.readAllBytes(head);
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
        try {
            try (ZipFile zip = new ZipFile(base.toFile());
                 OutputStream file = Files.newOutputStream(tmp);
                 ZipOutputStream zipOut = new ZipOutputStream(file)) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.getName().equals(ENTRY)) {
                        continue;
                    }
                    zipOut.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(zipOut);
                    }
                    zipOut.closeEntry();
                }
                zipOut.putNextEntry(new ZipEntry(ENTRY));
                zipOut.write(headBytes);
                zipOut.closeEntry();
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The layer before the first dense layer: the end of the convolutional features. */
    public static int lastFeatureLayer(MultiLayerNetwork net) {
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayerWiseConfigurations().getConf(i).getLayer() instanceof DenseLayer) {
                if (i == 0) {
                    break;
                }
                return i - 1;
            }
        }
        throw new IllegalArgumentException("the model has no convolutional features before a dense layer");
    }

}
