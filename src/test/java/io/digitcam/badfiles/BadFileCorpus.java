package io.digitcam.badfiles;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Writes the bad-files corpus: each case is a file (or not-quite-file) and the outcome we intend
 * for it, so a reviewer reads the intended behaviour straight off {@link #write}.
 */
public final class BadFileCorpus {
    /** What should happen to a case; each probe is {x, y, b, g, r, tolerance}. */
    public record Expect(boolean ok, String fragment, int width, int height, int[]... probes) {
        static Expect ok(int width, int height, int[]... probes) {
            return new Expect(true, null, width, height, probes);
        }

        static Expect ok(int width, int height, int x, int y, int b, int g, int r, int tolerance) {
            return ok(width, height, probe(x, y, b, g, r, tolerance));
        }

        static int[] probe(int x, int y, int b, int g, int r, int tolerance) {
            return new int[] {x, y, b, g, r, tolerance};
        }

        static Expect error(String fragment) {
            return new Expect(false, fragment, 0, 0);
        }

        @Override
        public String toString() {
            return ok ? "OK " + width + "×" + height : "ERROR \"" + fragment + "\"";
        }
    }

    /** One case: a file (or folder) and what reading it must give. */
    public record Case(String name, Path path, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String NOT_AN_IMAGE = "not a readable image (PNG, JPEG, BMP, TIFF or WebP expected)";
    static final String CORRUPT_PNG = "not a readable image (corrupt or truncated PNG)";
    static final String CORRUPT_JPEG = "not a readable image (corrupt or truncated JPEG)";

    private final Path dir;
    private final List<Case> cases = new ArrayList<>();

    private BadFileCorpus(Path dir) {
        this.dir = dir;
    }

    /** Every case, written into {@code dir}. */
    public static List<Case> write(Path dir) throws Exception {
        BadFileCorpus c = new BadFileCorpus(dir);
        c.all();
        return List.copyOf(c.cases);
    }

    private void all() throws Exception {
        byte[] png = png(sample(200, 150), "png");
        byte[] jpeg = png(sample(200, 150), "jpeg");

        // Empty and truncated files.
        file("zero-byte.png", new byte[0], Expect.error("empty file"));
        file("zero-byte.jpg", new byte[0], Expect.error("empty file"));
        file("png-cut-in-signature.png", Arrays.copyOf(png, 5), Expect.error(NOT_AN_IMAGE));
        file("png-cut-in-ihdr.png", Arrays.copyOf(png, 20), Expect.error(CORRUPT_PNG));
        int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII));
        file("png-cut-in-idat.png", Arrays.copyOf(png, idat + (png.length - idat) / 2), Expect.error(CORRUPT_PNG));
        file("jpeg-cut-after-soi.jpg", Arrays.copyOf(jpeg, 2), Expect.error(NOT_AN_IMAGE));
        int sos = indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xDA});
        int scan = sos + 2 + ((jpeg[sos + 2] & 0xFF) << 8 | jpeg[sos + 3] & 0xFF);
        // libjpeg pads a missing scan with grey and warns; a partial image is still an image.
        file("jpeg-cut-after-header.jpg", Arrays.copyOf(jpeg, scan), Expect.ok(200, 150));
        file("jpeg-cut-mid-scan.jpg", Arrays.copyOf(jpeg, (scan + jpeg.length) / 2), Expect.ok(200, 150));

        // Content and name disagree: the content wins.
        file("png-named.jpg", png, Expect.ok(200, 150, 5, 5, 40, 200, 240, 0));
        file("jpeg-named.png", jpeg, Expect.ok(200, 150, 5, 5, 40, 200, 240, 6));
        file("text.png", "Dear diary, today I saved a shopping list as text.png.\n".getBytes(StandardCharsets.UTF_8),
                Expect.error(NOT_AN_IMAGE));
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        junk[0] = 0; // so no seed can make it start with a magic number
        file("random-binary.jpg", junk, Expect.error(NOT_AN_IMAGE));
        file("html.webp", "<!DOCTYPE html><html><body>404 Not Found</body></html>".getBytes(StandardCharsets.UTF_8),
                Expect.error(NOT_AN_IMAGE));
        file("tiff-magic-then-junk.tif", concat(new byte[] {'I', 'I', 42, 0, (byte) 0xFF, (byte) 0xFF, 0x7F, 0x7F},
                junk), Expect.error("not a readable image (corrupt or truncated TIFF)"));
        file("png-with-trailing-junk.png", concat(png, junk), Expect.ok(200, 150));

        // Bombs and giants: refused from the header, before any decoder allocates.
        file("png-bomb-100000x100000.png", pngFile(100_000, 100_000, 0, 1, deflate(new byte[64])),
                Expect.error("image is 100000×100000 (10000 megapixels), larger than the 50-megapixel limit"));
        file("png-real-20000x20000.png", bilevelPng(20_000, 20_000),
                Expect.error("image is 20000×20000 (400 megapixels), larger than the 50-megapixel limit"));
        file("png-panorama-20000x100.png", pngFile(20_000, 100, 0, 8, deflate(new byte[100 * 20_001])),
                Expect.error("image is 20000×100, longer than the 16384-pixel limit per side"));
        file("bmp-header-30000x30000.bmp", bmpHeader(30_000, 30_000),
                Expect.error("image is 30000×30000 (900 megapixels), larger than the 50-megapixel limit"));
        file("jpeg-sof-60000x60000.jpg", jpegWithSize(png(sample(16, 16), "jpeg"), 60_000, 60_000),
                Expect.error("image is 60000×60000 (3600 megapixels), larger than the 50-megapixel limit"));
        file("gif-65535x65535.gif", gifHeader(65_535, 65_535),
                Expect.error("image is 65535×65535 (4295 megapixels), larger than the 50-megapixel limit"));
        file("webp-vp8x-100000x100000.webp", webpVp8x(100_000, 100_000),
                Expect.error("image is 100000×100000 (10000 megapixels), larger than the 50-megapixel limit"));

        // Small, odd and deep images that should simply work, with a pixel checked where it matters.
        file("1x1.png", png(solid(1, 1, new Color(10, 20, 30)), "png"), Expect.ok(1, 1, 0, 0, 30, 20, 10, 0));
        file("2x2.jpg", png(solid(2, 2, Color.WHITE), "jpeg"), Expect.ok(2, 2, 1, 1, 255, 255, 255, 3));
        // 16-bit samples 0x1234 (gray) and 0xFF00/0x8000/0x0100 (RGB) come out as their top byte.
        file("gray16.png", pngFile(8, 4, 0, 16, deflate(rows(4, 1 + 8 * 2, 0x12, 0x34))),
                Expect.ok(8, 4, 3, 2, 0x12, 0x12, 0x12, 0));
        file("rgb16.png", pngFile(8, 4, 2, 16, deflate(rows(4, 1 + 8 * 6, 0xFF, 0x00, 0x80, 0x00, 0x01, 0x00))),
                Expect.ok(8, 4, 7, 3, 0x01, 0x80, 0xFF, 1));
        file("rgba-transparent.png", png(transparent(), "png"),
                Expect.ok(40, 30, Expect.probe(2, 2, 255, 255, 255, 0), Expect.probe(20, 15, 0, 0, 200, 0)));
        file("rgba-half-alpha.png", png(solid(4, 4, new Color(0, 0, 0, 128)), "png"),
                Expect.ok(4, 4, 1, 1, 127, 127, 127, 1));
        file("gray-alpha.png", pngFile(4, 4, 4, 8, deflate(rows(4, 1 + 4 * 2, 0x00, 0x00))),
                Expect.ok(4, 4, 1, 1, 255, 255, 255, 0));
        file("palette.png", png(palette(), "png"), Expect.ok(30, 20, 3, 3, 0, 0, 255, 0));
        file("gray8.png", png(gray(), "png"), Expect.ok(30, 20, 3, 3, 77, 77, 77, 0));
        file("gray.jpg", png(gray(), "jpeg"), Expect.ok(30, 20, 3, 3, 77, 77, 77, 4));
        file("cmyk.jpg", cmykJpeg(), Expect.ok(32, 24, 5, 5, 255, 0, 255, 8));
        file("animated.gif", animatedGif(), Expect.ok(20, 10, 4, 4, 0, 0, 255, 0));
        file("bmp24.bmp", png(sample(200, 150), "bmp"), Expect.ok(200, 150, 5, 5, 40, 200, 240, 0));
        file("bmp1.bmp", png(bilevel(), "bmp"), Expect.ok(16, 8, 0, 0, 0, 0, 0, 0));
        file("tiff-by-java.tif", png(sample(200, 150), "tiff"), Expect.ok(200, 150, 5, 5, 40, 200, 240, 0));
        file("tiff-by-opencv.tif", opencv(sample(64, 48), ".tif"), Expect.ok(64, 48, 5, 5, 40, 200, 240, 0));
        file("lossy.webp", webp(false), Expect.ok(64, 48, 5, 5, 40, 200, 240, 12));
        file("lossless.webp", webp(true), Expect.ok(64, 48, 5, 5, 40, 200, 240, 0));
        file("png bad-crc.png", badCrc(png), Expect.error(CORRUPT_PNG));
        file("scan – ünïcødé 数字 1.png", png, Expect.ok(200, 150));

        // Things that are not regular files.
        add("directory named photo.png", Files.createDirectory(dir.resolve("photo.png")), Expect.error("is a directory"));
        add("empty directory", Files.createDirectory(dir.resolve("empty-dir")), Expect.error("is a directory"));
        add("dangling symlink", Files.createSymbolicLink(dir.resolve("dangling.png"), dir.resolve("gone.png")),
                Expect.error("broken symbolic link"));
        Files.createSymbolicLink(dir.resolve("loop-b.png"), dir.resolve("loop-a.png"));
        add("symlink loop", Files.createSymbolicLink(dir.resolve("loop-a.png"), dir.resolve("loop-b.png")),
                Expect.error("broken symbolic link"));
        add("missing file", dir.resolve("never-written.png"), Expect.error("no such file"));
        Path fifo = dir.resolve("fifo.png");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
            throw new IOException("mkfifo failed");
        }
        // Opening a FIFO for reading blocks until a writer appears: this case is "never a hang".
        add("FIFO named .png", fifo, Expect.error("not a regular file"));
        Path locked = Files.write(dir.resolve("chmod-000.png"), png);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // root reads it anyway; either way the outcome is clean.
        add("unreadable (chmod 000)", locked, Files.isReadable(locked) ? Expect.ok(200, 150)
                : Expect.error("permission denied"));
    }

    private void file(String name, byte[] content, Expect expect) throws IOException {
        add(name, Files.write(dir.resolve(name), content), expect);
    }

    private void add(String name, Path path, Expect expect) {
        cases.add(new Case(name, path, expect));
    }

    // ---- images drawn with AWT and written with ImageIO

    /** Light orange background (BGR 40,200,240) with a dark figure in the middle. */
    static BufferedImage sample(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(240, 200, 40));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(30, 30, 40));
        g.fillRect(w / 3, h / 4, w / 6, h / 2);
        Random noise = new Random(1);
        for (int i = 0; i < w * h / 20; i++) {
            // Noise away from the probed corner so that the compressed data is not trivially small.
            int x = w / 4 + noise.nextInt(w / 2);
            int y = h / 4 + noise.nextInt(h / 2);
            img.setRGB(x, y, noise.nextInt());
        }
        g.dispose();
        return img;
    }

    private static BufferedImage solid(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, c.getAlpha() < 255 ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, c.getRGB());
            }
        }
        return img;
    }

    /** Fully transparent black, as drawing apps store it, with an opaque red square in the middle. */
    private static BufferedImage transparent() {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        for (int y = 10; y < 20; y++) {
            for (int x = 15; x < 25; x++) {
                img.setRGB(x, y, 0xFFC80000);
            }
        }
        return img;
    }

    private static BufferedImage palette() {
        BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 30, 20);
        g.dispose();
        return img;
    }

    private static BufferedImage gray() {
        BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSamples(0, 0, 30, 20, 0, filled(30 * 20, 77));
        return img;
    }

    private static BufferedImage bilevel() {
        BufferedImage img = new BufferedImage(16, 8, BufferedImage.TYPE_BYTE_BINARY);
        img.getRaster().setSample(15, 7, 0, 1);
        return img;
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    static byte[] png(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IOException("no " + format + " writer for " + img);
        }
        return out.toByteArray();
    }

    /** Stored CMYK (255, 0, 255, 255): Adobe JPEGs store ink inverted, so that is magenta. */
    private static byte[] cmykJpeg() throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 24, 4, null);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                raster.setPixel(x, y, new int[] {255, 0, 255, 255});
            }
        }
        ImageWriter writer = jdkWriter("jpeg");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Three 20×10 frames, red, green, blue, looping. */
    private static byte[] animatedGif() throws IOException {
        ImageWriter writer = jdkWriter("gif");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (Color c : new Color[] {Color.RED, Color.GREEN, Color.BLUE}) {
                BufferedImage frame = solid(20, 10, c);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
                String f = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(f);
                IIOMetadataNode gce = new IIOMetadataNode("GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("delayTime", "20");
                gce.setAttribute("transparentColorIndex", "0");
                root.appendChild(gce);
                IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
                IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
                loop.setAttribute("applicationID", "NETSCAPE");
                loop.setAttribute("authenticationCode", "2.0");
                loop.setUserObject(new byte[] {1, 0, 0});
                apps.appendChild(loop);
                root.appendChild(apps);
                meta.setFromTree(f, root);
                writer.writeToSequence(new IIOImage(frame, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageWriter jdkWriter(String format) throws IOException {
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.")) {
                return w;
            }
        }
        throw new IOException("no JDK " + format + " writer");
    }

    /** OpenCV writes WebP; quality above 100 means lossless (a VP8L chunk instead of VP8). */
    private static byte[] webp(boolean lossless) throws IOException {
        return opencv(sample(64, 48), ".webp", IMWRITE_WEBP_QUALITY, lossless ? 101 : 95);
    }

    private static byte[] opencv(BufferedImage img, String ext, int... params) throws IOException {
        try (Mat m = new Mat(img.getHeight(), img.getWidth(), CV_8UC3, Scalar.all(0));
                BytePointer out = new BytePointer(); IntPointer p = new IntPointer(params)) {
            m.data().put(((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData());
            if (!imencode(ext, m, out, p)) {
                throw new IOException("OpenCV wrote no " + ext);
            }
            byte[] b = new byte[(int) out.limit()];
            out.get(b);
            return b;
        }
    }

    // ---- files built byte by byte

    /** A PNG from raw chunks: signature, IHDR, one IDAT, IEND, CRCs computed here. */
    static byte[] pngFile(int width, int height, int colourType, int bitDepth, byte[] idat) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth)
                .put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0);
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, chunk("IHDR", ihdr.array()),
                chunk("IDAT", idat), chunk("IEND", new byte[0]));
    }

    static byte[] chunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(t).put(data).putInt((int) crc.getValue())
                .array();
    }

    /** {@code n} scanlines of {@code rowBytes} (filter byte 0, then the pattern repeated). */
    private static byte[] rows(int n, int rowBytes, int... pattern) {
        byte[] raw = new byte[n * rowBytes];
        for (int r = 0; r < n; r++) {
            for (int i = 1; i < rowBytes; i++) {
                raw[r * rowBytes + i] = (byte) pattern[(i - 1) % pattern.length];
            }
        }
        return raw;
    }

    static byte[] deflate(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9))) {
            z.write(raw);
        }
        return out.toByteArray();
    }

    /** A genuine, fully decodable 1-bit PNG; all black compresses about 1000:1, so it stays small. */
    private static byte[] bilevelPng(int width, int height) throws IOException {
        byte[] row = new byte[1 + (width + 7) / 8];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9))) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        return pngFile(width, height, 0, 1, out.toByteArray());
    }

    /** The last IDAT CRC flipped. */
    private static byte[] badCrc(byte[] png) {
        byte[] b = png.clone();
        int iend = indexOf(b, "IEND".getBytes(StandardCharsets.US_ASCII));
        b[iend - 8] ^= 0x55; // the 4 bytes before IEND's length are the previous chunk's CRC
        return b;
    }

    /** BITMAPFILEHEADER + BITMAPINFOHEADER for a 24-bit image, and only 16 bytes of pixels. */
    private static byte[] bmpHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(54 + 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(54 + 16).putInt(0).putInt(54);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24).putInt(0)
                .putInt(width * 3 * height).putInt(2835).putInt(2835).putInt(0).putInt(0);
        return b.array();
    }

    /** A real small JPEG whose SOF0 is patched to declare another size. */
    private static byte[] jpegWithSize(byte[] jpeg, int width, int height) {
        byte[] b = jpeg.clone();
        int sof = indexOf(b, new byte[] {(byte) 0xFF, (byte) 0xC0});
        b[sof + 5] = (byte) (height >> 8);
        b[sof + 6] = (byte) height;
        b[sof + 7] = (byte) (width >> 8);
        b[sof + 8] = (byte) width;
        return b;
    }

    /** GIF89a screen and image descriptor of the given size, a 2-colour table, and a few data bytes. */
    private static byte[] gifHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height)
                .put((byte) 0x80).put((byte) 0).put((byte) 0);
        b.put(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height)
                .put((byte) 0);
        b.put((byte) 2).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0).put((byte) 0x3B);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** RIFF/WEBP with an extended (VP8X) header declaring the canvas size, and nothing else. */
    private static byte[] webpVp8x(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(30).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        b.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).putInt(0);
        int w = width - 1;
        int h = height - 1;
        b.put((byte) w).put((byte) (w >> 8)).put((byte) (w >> 16)).put((byte) h).put((byte) (h >> 8))
                .put((byte) (h >> 16));
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("marker not found");
    }
}
