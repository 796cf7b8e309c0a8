package io.digitcam.source;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;

/** Reads still images (PNG, JPEG, BMP, TIFF, WebP) into BGR Mats, with one-line errors. */
public final class ImageFiles {
    /** Extensions a directory listing picks up. */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "tif", "tiff", "webp");

    private ImageFiles() {
    }

    public static boolean looksLikeImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** The image as 8-bit BGR; the caller closes it. */
    public static Mat read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory");
        }
        if (!Files.isReadable(file)) {
            throw new IOException(file + ": permission denied");
        }
        if (Files.size(file) == 0) {
            throw new IOException(file + ": empty file");
        }
        Mat img = imread(file.toString(), IMREAD_COLOR);
        if (img == null || img.empty()) {
            if (img != null) {
                img.close();
            }
            throw new IOException(file + ": not a readable image (PNG, JPEG, BMP, TIFF or WebP expected)");
        }
        return img;
    }
}
