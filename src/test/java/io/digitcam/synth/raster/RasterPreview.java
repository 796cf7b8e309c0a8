package io.digitcam.synth.raster;

import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import io.digitcam.synth.SynthDigit;
import io.digitcam.synth.SynthScene;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Contact sheet of scenes with their truth boxes, for looking at: {@code RasterPreview [first] [count] [out.png]}.
 * Also writes each scene at full size to /tmp/raster-full-N.png and prints the render time.
 */
public final class RasterPreview {
    public static void main(String[] args) throws Exception {
        long first = args.length > 0 ? Long.parseLong(args[0]) : 0;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        String out = args.length > 2 ? args[2] : "/tmp/raster-contact.png";
        Path dir = Path.of("/work/shared/mnist");
        DigitSet set = new File(dir.toFile(), "t10k-images-idx3-ubyte.gz").exists() || new File(dir.toFile(), "t10k-images-idx3-ubyte").exists()
                ? MnistData.test(dir) : MnistData.test(Path.of("src/test/resources/mnist"));
        RasterScenes r = new RasterScenes(set, 7, Set.of());
        int cols = 4, tw = 640, th = 400;
        int rows = (count + cols - 1) / cols;
        BufferedImage sheet = new BufferedImage(cols * tw, rows * th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        r.render(first);
        long total = 0;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            SynthScene s = r.render(first + i);
            total += System.nanoTime() - t0;
            BufferedImage img = s.image();
            if (args.length > 3) {
                ImageIO.write(img, "png", new File("/tmp/raster-full-" + (first + i) + ".png"));
            }
            int x0 = (i % cols) * tw, y0 = (i / cols) * th;
            double sc = Math.min(tw / (double) img.getWidth(), (th - 30) / (double) img.getHeight());
            g.drawImage(img, x0, y0, (int) (img.getWidth() * sc), (int) (img.getHeight() * sc), null);
            g.setColor(Color.GREEN);
            g.setStroke(new BasicStroke(1));
            for (SynthDigit d : s.digits()) {
                g.drawRect(x0 + (int) (d.box().x() * sc), y0 + (int) (d.box().y() * sc), (int) (d.box().width() * sc), (int) (d.box().height() * sc));
            }
            g.setColor(Color.WHITE);
            String ink = s.digits().isEmpty() ? "" : s.digits().get(0).conditions().toString();
            g.drawString((first + i) + " " + img.getWidth() + "x" + img.getHeight() + " " + s.numbers() + " " + ink, x0 + 2, y0 + th - 18);
            g.drawString(s.conditions().toString(), x0 + 2, y0 + th - 5);
        }
        ImageIO.write(sheet, "png", new File(out));
        System.out.printf("%d scenes, %.1f ms each, %s%n", count, total / 1e6 / count, out);
    }
}
