package io.digitcam.app;

import io.digitcam.model.DigitImages;
import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A photo-like test image with a known number: MNIST test digits written dark on a white sheet
 * on a grey desk, large and well apart, so any working pipeline reads it.
 */
public final class NumberSheet {
    private NumberSheet() {
    }

    public static Path write(Path file, String number) throws IOException {
        ImageIO.write(image(number), "png", file.toFile());
        return file;
    }

    /** The sheet as a 960×540 BGR image. */
    public static BufferedImage image(String number) throws IOException {
        DigitSet mnist = MnistData.test(Path.of("src/test/resources/mnist"));
        BufferedImage img = new BufferedImage(960, 540, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(new Color(110, 100, 90));
        g.fillRect(0, 0, 960, 540);
        g.setColor(new Color(245, 245, 240));
        g.fillRect(120, 90, 720, 360);
        int x = 480 - number.length() * 55;
        for (char c : number.toCharArray()) {
            int index = firstOf(mnist, c - '0');
            BufferedImage digit = new BufferedImage(DigitImages.SIDE, DigitImages.SIDE, BufferedImage.TYPE_BYTE_GRAY);
            byte[] px = new byte[DigitImages.PIXELS];
            for (int i = 0; i < px.length; i++) {
                px[i] = (byte) (255 - (mnist.pixels()[index * DigitImages.PIXELS + i] & 0xff));
            }
            digit.getRaster().setDataElements(0, 0, DigitImages.SIDE, DigitImages.SIDE, px);
            g.drawImage(digit, x, 170, 112, 112, null);
            x += 110;
        }
        g.dispose();
        return img;
    }

    // The first few test images of each digit are clean, typical samples.
    private static int firstOf(DigitSet set, int label) {
        for (int i = 0; i < set.size(); i++) {
            if (set.labels()[i] == label) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + label);
    }
}
