package io.digitcam.source;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads still images (PNG, JPEG, BMP, TIFF, WebP, and the first frame of a GIF) into 8-bit BGR
 * Mats, with one-line errors. Files come from users and the internet, so nothing is trusted: the
 * format comes from the content, the declared size is checked before any pixel is decoded (a
 * 50 KB PNG can declare 100000×100000), and only regular files are opened (a FIFO would block).
 */
public final class ImageFiles {
    /** Extensions a directory listing picks up. */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "tif", "tiff", "webp", "gif");
    /** 50 MP holds a full-resolution 48-megapixel phone photo; as BGR that is 150 MB. */
    public static final long MAX_PIXELS = 50_000_000;
    /** Longer sides are panoramas or bombs; 16384 is also the largest texture JavaFX draws. */
    public static final int MAX_SIDE = 16_384;
    /** Files are read whole; a 50 MP image is smaller even as uncompressed 16-bit RGBA TIFF (400 MB). */
    public static final long MAX_FILE_BYTES = 512L << 20;

    static final String NOT_AN_IMAGE = "not a readable image (PNG, JPEG, BMP, TIFF or WebP expected)";

    private ImageFiles() {
    }

    public static boolean looksLikeImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** The image as 8-bit BGR; the caller closes it. */
    public static Mat read(Path file) throws IOException {
        byte[] bytes = readBytes(file);
        ImageFormat format = ImageFormat.sniff(bytes);
        if (format == null) {
            throw new IOException(file + ": " + NOT_AN_IMAGE);
        }
        String corrupt = file + ": not a readable image (corrupt or truncated " + format + ")";
        long[] size;
        try {
            size = format.declaredSize(bytes);
        } catch (IOException e) {
            throw new IOException(corrupt, e);
        }
        checkSize(file, size[0], size[1]);
        Mat img;
        try {
            img = format == ImageFormat.GIF ? viaImageIo(format, bytes) : decode(format, bytes);
            if (img == null && format == ImageFormat.TIFF) {
                // OpenCV 4.9 fails an assertion on the strips of TIFFs Java's own ImageIO writes;
                // TIFF has many variants, and the JDK reader covers more of them.
                img = viaImageIo(format, bytes);
            }
        } catch (IOException | RuntimeException e) {
            // OpenCV's exceptions are RuntimeExceptions with multi-line messages.
            throw new IOException(corrupt, e);
        }
        if (img == null) {
            throw new IOException(corrupt);
        }
        return img;
    }

    /** The whole file, after making sure it is a regular, readable, non-empty file of sane size. */
    private static byte[] readBytes(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory");
        }
        if (!Files.exists(file)) {
            // exists() follows links, so a dangling link or a link loop lands here too.
            throw new IOException(file + (Files.isSymbolicLink(file) ? ": broken symbolic link" : ": no such file"));
        }
        if (!Files.isRegularFile(file)) {
            // A FIFO, socket or device: opening it could block forever or never end.
            throw new IOException(file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new IOException(file + ": permission denied");
        }
        long length = Files.size(file);
        if (length == 0) {
            throw new IOException(file + ": empty file");
        }
        if (length > MAX_FILE_BYTES) {
            throw tooLarge(file, length);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (AccessDeniedException e) {
            throw new IOException(file + ": permission denied", e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge(file, bytes.length);
        }
        return bytes;
    }

    private static IOException tooLarge(Path file, long length) {
        return new IOException(String.format("%s: file is %d MB, larger than the %d MB limit", file,
                length >> 20, MAX_FILE_BYTES >> 20));
    }

    private static void checkSize(Path file, long width, long height) throws IOException {
        if (width <= 0 || height <= 0) {
            throw new IOException(file + ": not a readable image (it declares a size of " + width + "×" + height + ")");
        }
        if (width * height > MAX_PIXELS) {
            throw new IOException(String.format("%s: image is %d×%d (%d megapixels), larger than the %d-megapixel limit",
                    file, width, height, Math.round(width * height / 1e6), MAX_PIXELS / 1_000_000));
        }
        if (Math.max(width, height) > MAX_SIDE) {
            throw new IOException(String.format("%s: image is %d×%d, longer than the %d-pixel limit per side",
                    file, width, height, MAX_SIDE));
        }
    }

    /**
     * OpenCV decodes from memory rather than by path: then it sees exactly the bytes we checked,
     * and non-ASCII paths work on Windows, where imread cannot open them.
     */
    private static Mat decode(ImageFormat format, byte[] bytes) {
        // JPEG has no alpha, and IMREAD_COLOR applies its EXIF orientation; other formats are read
        // unchanged so that transparency can be put on white below instead of dropped.
        try (Mat buf = new Mat(bytes)) {
            Mat raw = imdecode(buf, format == ImageFormat.JPEG ? IMREAD_COLOR : IMREAD_UNCHANGED);
            if (raw == null || raw.empty()) {
                if (raw != null) {
                    raw.close();
                }
                return null;
            }
            try (raw) {
                return toBgr8(raw);
            }
        }
    }

    /** 16-bit and float to 8 bits, gray to BGR, and alpha composited over white. */
    private static Mat toBgr8(Mat raw) {
        Mat m = new Mat();
        int depth = raw.depth();
        double scale = depth == CV_16U ? 1 / 257.0 : depth == CV_32F || depth == CV_64F ? 255 : 1;
        raw.convertTo(m, CV_8U, scale, 0);
        int channels = m.channels();
        if (channels == 3) {
            return m;
        }
        try (m) {
            Mat bgr = new Mat();
            if (channels == 1) {
                cvtColor(m, bgr, COLOR_GRAY2BGR);
            } else if (channels == 4) {
                // Drawing apps leave transparent pixels black; shown as stored, black ink on a
                // transparent background would vanish. out = 255 - (255 - colour) * alpha / 255.
                try (Mat alpha = new Mat(); Mat alpha3 = new Mat()) {
                    cvtColor(m, bgr, COLOR_BGRA2BGR);
                    extractChannel(m, alpha, 3);
                    cvtColor(alpha, alpha3, COLOR_GRAY2BGR);
                    bitwise_not(bgr, bgr);
                    multiply(bgr, alpha3, bgr, 1 / 255.0, -1);
                    bitwise_not(bgr, bgr);
                }
            } else {
                bgr.close();
                throw new IllegalArgumentException(channels + " channels");
            }
            return bgr;
        }
    }

    /**
     * The first image by the JDK's reader, drawn on white: OpenCV 4.9 has no GIF decoder, so an
     * animated GIF gives its first frame.
     */
    private static Mat viaImageIo(ImageFormat format, byte[] bytes) throws IOException {
        ImageReader reader = format.reader();
        BufferedImage frame;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, false, true);
            frame = reader.read(0);
        } finally {
            reader.dispose();
        }
        BufferedImage bgr = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, bgr.getWidth(), bgr.getHeight());
        g.drawImage(frame, 0, 0, null);
        g.dispose();
        Mat mat = new Mat(bgr.getHeight(), bgr.getWidth(), CV_8UC3);
        mat.data().put(((DataBufferByte) bgr.getRaster().getDataBuffer()).getData());
        return mat;
    }
}
