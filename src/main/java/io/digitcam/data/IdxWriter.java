package io.digitcam.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/** Writes unsigned-byte IDX files, gzipped when the name ends in ".gz"; the inverse of {@link IdxReader}. */
public final class IdxWriter {
    private IdxWriter() {
    }

    public static void writeImages(Path file, IdxImages images) throws IOException {
        write(file, new int[] {images.count(), images.rows(), images.cols()}, images.pixels());
    }

    public static void writeLabels(Path file, byte[] labels) throws IOException {
        write(file, new int[] {labels.length}, labels);
    }

    private static void write(Path file, int[] dims, byte[] data) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
             OutputStream maybeZipped = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(maybeZipped, 1 << 16))) {
            out.writeInt(0x0800 | dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
