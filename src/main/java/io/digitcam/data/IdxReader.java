package io.digitcam.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format MNIST ships in (plain or gzipped): a magic number giving the element type
 * and rank, the dimensions, then the unsigned bytes. Only unsigned-byte data is supported, which
 * is all MNIST and its derivatives use.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int GZIP_MAGIC = 0x1f8b;

    private IdxReader() {
    }

    /** Images: rank 3, {@code count × rows × cols}, one byte per pixel, 0 = background. */
    public static IdxImages readImages(Path file) throws IOException {
        Idx idx = read(file, 3);
        return new IdxImages(idx.dims[0], idx.dims[1], idx.dims[2], idx.data);
    }

    /** Labels: rank 1, one byte per item. */
    public static byte[] readLabels(Path file) throws IOException {
        return read(file, 1).data;
    }

    /** Images from a stream (a resource inside the jar, say), gzipped or not; {@code name} is for messages. */
    public static IdxImages readImages(InputStream stream, String name) throws IOException {
        Idx idx = read(unzipped(stream), name, 3);
        return new IdxImages(idx.dims[0], idx.dims[1], idx.dims[2], idx.data);
    }

    /** Labels from a stream, gzipped or not. */
    public static byte[] readLabels(InputStream stream, String name) throws IOException {
        return read(unzipped(stream), name, 1).data;
    }

    private record Idx(int[] dims, byte[] data) {
    }

    private static Idx read(Path file, int expectedRank) throws IOException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new IdxFormatException(name, "no such file");
        }
        return read(open(file), name, expectedRank);
    }

    private static Idx read(InputStream stream, String name, int expectedRank) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16))) {
            int magic = in.readInt();
            if ((magic >>> 16) != 0) {
                throw new IdxFormatException(name, String.format(
                        "not an IDX file (magic number 0x%08x, expected 0x%08x)", magic, UNSIGNED_BYTE << 8 | expectedRank));
            }
            int type = (magic >>> 8) & 0xff;
            int rank = magic & 0xff;
            if (type != UNSIGNED_BYTE) {
                throw new IdxFormatException(name, String.format("element type 0x%02x is not unsigned byte (0x08)", type));
            }
            if (rank != expectedRank) {
                throw new IdxFormatException(name, "has " + rank + " dimensions, expected " + expectedRank
                        + (expectedRank == 3 ? " (an images file)" : " (a labels file)"));
            }
            int[] dims = new int[rank];
            long total = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                if (dims[i] <= 0) {
                    throw new IdxFormatException(name, "dimension " + i + " is " + dims[i]);
                }
                total *= dims[i];
            }
            if (total > Integer.MAX_VALUE - 64) {
                throw new IdxFormatException(name, "declares " + total + " bytes, too large");
            }
            byte[] data = new byte[(int) total];
            int got = in.readNBytes(data, 0, data.length);
            if (got < data.length) {
                throw new IdxFormatException(name, "truncated: header declares " + total + " data bytes, file has " + got);
            }
            if (in.read() != -1) {
                throw new IdxFormatException(name, "has bytes after the " + total + " the header declares");
            }
            return new Idx(dims, data);
        } catch (EOFException e) {
            throw new IdxFormatException(name, "truncated inside the header");
        } catch (java.util.zip.ZipException e) {
            throw new IdxFormatException(name, "corrupt gzip data (" + e.getMessage() + ")");
        }
    }

    private static InputStream open(Path file) throws IOException {
        return unzipped(Files.newInputStream(file));
    }

    private static InputStream unzipped(InputStream stream) throws IOException {
        InputStream raw = new BufferedInputStream(stream);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        return ((b0 << 8) | b1) == GZIP_MAGIC ? new GZIPInputStream(raw, 1 << 16) : raw;
    }
}
