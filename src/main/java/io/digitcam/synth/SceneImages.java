package io.digitcam.synth;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Generated frames as the pipeline takes them. */
public final class SceneImages {
    private SceneImages() {
    }

    /** A new BGR Mat holding a copy of a TYPE_3BYTE_BGR image; the caller closes it. */
    public static Mat toMat(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("expected TYPE_3BYTE_BGR");
        }
        byte[] bytes = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(image.getHeight(), image.getWidth(), CV_8UC3);
        try (BytePointer data = mat.data()) {
            data.put(bytes);
        }
        return mat;
    }
}
