package io.digitcam.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The still-image formats we accept, told apart by their first bytes (never by the file name),
 * and each one's declared size read from its header without decoding a pixel.
 */
enum ImageFormat {
    PNG("png"), JPEG("jpeg"), BMP("bmp"), GIF("gif"), TIFF("tiff"), WEBP(null);

    /** The javax.imageio format name; the JDK has no WebP reader, and BMP is parsed by hand. */
    private final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The format the magic bytes announce, or null. */
    static ImageFormat sniff(byte[] b) {
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(b, 0, 'G', 'I', 'F', '8') && (starts(b, 4, '7', 'a') || starts(b, 4, '9', 'a'))) {
            return GIF;
        }
        if (starts(b, 0, 'I', 'I', 42, 0) || starts(b, 0, 'M', 'M', 0, 42)) {
            return TIFF;
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        // Only two bytes, so weak; the header parse below rejects text that happens to start "BM".
        if (starts(b, 0, 'B', 'M')) {
            return BMP;
        }
        return null;
    }

    /** {width, height} as the header declares them; IOException if the header is unreadable. */
    long[] declaredSize(byte[] b) throws IOException {
        if (this == WEBP) {
            return webpSize(b);
        }
        if (this == BMP) {
            return bmpSize(b);
        }
        ImageReader reader = reader();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(b))) {
            reader.setInput(in, true, true);
            return new long[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (RuntimeException e) {
            // Some readers throw IndexOutOfBounds and the like on junk headers.
            throw new IOException(e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * A JDK reader where there is one: DL4J drags old TwelveMonkeys and JAI readers onto the
     * class path, and which of them ImageIO lists first depends on registration order.
     */
    ImageReader reader() throws IOException {
        List<ImageReader> all = new ArrayList<>();
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(imageIoName); it.hasNext(); ) {
            all.add(it.next());
        }
        if (all.isEmpty()) {
            throw new IOException("no " + imageIoName + " reader");
        }
        return all.stream().filter(r -> r.getClass().getName().startsWith("com.sun.imageio.")).findFirst()
                .orElse(all.get(0));
    }

    /**
     * By hand, because the JDK's BMP reader refuses sizes over 2^31 bytes with its own message,
     * and that check is ours to make. Height is negative for top-down bitmaps.
     */
    private static long[] bmpSize(byte[] b) throws IOException {
        long header = b.length >= 26 ? s32(b, 14) : 0;
        if (header == 12) {
            return new long[] {u16(b, 18), u16(b, 20)};
        }
        if (header >= 40) {
            return new long[] {s32(b, 18), Math.abs(s32(b, 22))};
        }
        throw new IOException("bad BMP header");
    }

    /** RIFF "WEBP", then a VP8 (lossy), VP8L (lossless) or VP8X (extended) chunk carrying the size. */
    private static long[] webpSize(byte[] b) throws IOException {
        if (starts(b, 12, 'V', 'P', '8', 'X') && b.length >= 30) {
            return new long[] {1 + u24(b, 24), 1 + u24(b, 27)};
        }
        if (starts(b, 12, 'V', 'P', '8', 'L') && b.length >= 25 && b[20] == 0x2F) {
            long bits = u24(b, 21) | (long) (b[24] & 0xFF) << 24;
            return new long[] {1 + (bits & 0x3FFF), 1 + (bits >> 14 & 0x3FFF)};
        }
        if (starts(b, 12, 'V', 'P', '8', ' ') && b.length >= 30 && starts(b, 23, 0x9D, 0x01, 0x2A)) {
            return new long[] {u16(b, 26) & 0x3FFF, u16(b, 28) & 0x3FFF};
        }
        throw new IOException("bad WebP header");
    }

    private static long u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    /** Little-endian signed 32 bits. */
    private static long s32(byte[] b, int at) {
        return (int) (u24(b, at) | (b[at + 3] & 0xFF) << 24);
    }

    private static long u24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (long) (b[at + 2] & 0xFF) << 16;
    }

    private static boolean starts(byte[] b, int at, int... magic) {
        if (b.length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[at + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return this == WEBP ? "WebP" : name();
    }
}
