package io.digitcam.train;

import io.digitcam.data.DigitSet;
import io.digitcam.model.DigitImages;
import io.digitcam.model.DigitPrediction;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** The PNG plots of a training run and an evaluation. */
public final class Charts {
    private Charts() {
    }

    /** Loss and accuracy per epoch, side by side. */
    /** Loss and accuracy per epoch; {@code averages}, if any, adds the weight average's accuracy. */
    public static void trainingCurves(List<EpochStats> history, List<EpochStats> averages, Path file)
            throws IOException {
        double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
        XYChart loss = chart("Loss per epoch", "cross-entropy");
        loss.addSeries("train", epochs, history.stream().mapToDouble(EpochStats::trainLoss).toArray());
        addIfPresent(loss, "validation", epochs, history.stream().mapToDouble(EpochStats::validationLoss).toArray());
        loss.addSeries("test", epochs, history.stream().mapToDouble(EpochStats::testLoss).toArray());
        // Log scale only labels whole decades: over less than one it would show no numbers.
        double[] losses = history.stream().flatMapToDouble(e -> java.util.stream.DoubleStream.of(e.trainLoss(),
                e.validationLoss(), e.testLoss())).filter(v -> v > 0).toArray();
        double max = java.util.Arrays.stream(losses).max().orElse(1);
        double min = java.util.Arrays.stream(losses).min().orElse(1);
        loss.getStyler().setYAxisLogarithmic(max > 10 * min);

        XYChart accuracy = chart("Accuracy per epoch", "accuracy (%)");
        addIfPresent(accuracy, "validation", epochs,
                history.stream().mapToDouble(e -> 100 * e.validationAccuracy()).toArray());
        accuracy.addSeries("test", epochs, history.stream().mapToDouble(e -> 100 * e.testAccuracy()).toArray());
        if (!averages.isEmpty()) {
            double[] at = averages.stream().mapToDouble(EpochStats::epoch).toArray();
            addIfPresent(accuracy, "validation, weight average", at,
                    averages.stream().mapToDouble(e -> 100 * e.validationAccuracy()).toArray());
            accuracy.addSeries("test, weight average", at,
                    averages.stream().mapToDouble(e -> 100 * e.testAccuracy()).toArray());
        }

        colourByName(loss);
        colourByName(accuracy);
        BufferedImage left = BitmapEncoder.getBufferedImage(loss);
        BufferedImage right = BitmapEncoder.getBufferedImage(accuracy);
        BufferedImage both = new BufferedImage(left.getWidth() + right.getWidth(), left.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, left.getWidth(), 0, null);
        g.dispose();
        ImageIO.write(both, "png", file.toFile());
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDecimalPattern("#0.###");
        return chart;
    }

    // One colour per data set in both charts; the weight average dashed in its set's colour.
    private static final java.util.Map<String, Color> SERIES_COLOURS = java.util.Map.of(
            "train", new Color(0x2b5fd9), "validation", new Color(0xe8a317), "test", new Color(0x8e3fd4));

    private static void colourByName(XYChart chart) {
        chart.getSeriesMap().forEach((name, series) -> {
            Color c = SERIES_COLOURS.get(name.replace(", weight average", ""));
            if (c != null) {
                series.setLineColor(c);
                series.setMarkerColor(c);
            }
            if (name.endsWith("weight average")) {
                series.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT,
                        java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            }
        });
    }

    private static void addIfPresent(XYChart chart, String name, double[] x, double[] y) {
        if (y.length > 0 && !Double.isNaN(y[0])) {
            chart.addSeries(name, x, y);
        }
    }

    /**
     * A confusion matrix with counts, true digits by predicted class (an 11th column is "not a
     * digit"); errors are tinted so the rare ones stand out.
     */
    public static void confusion(int[][] matrix, String title, Path file) throws IOException {
        int n = matrix.length;
        int cols = matrix[0].length;
        int cell = 52;
        int left = 70;
        int top = 80;
        BufferedImage img = new BufferedImage(left + cols * cell + 30, top + n * cell + 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = titled(img, title);
        g.drawString("predicted →", left, top - 30);
        g.drawString("true ↓", 8, top - 8);
        int maxOff = 1;
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < cols; p++) {
                if (a != p) {
                    maxOff = Math.max(maxOff, matrix[a][p]);
                }
            }
        }
        for (int i = 0; i < cols; i++) {
            centre(g, i < 10 ? String.valueOf(i) : "none", left + i * cell, top - 22, cell, 20);
        }
        for (int i = 0; i < n; i++) {
            centre(g, i < 10 ? String.valueOf(i) : "none", left - 30, top + i * cell, 30, cell);
        }
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < cols; p++) {
                int v = matrix[a][p];
                Color fill;
                if (a == p) {
                    fill = new Color(200, 230, 201);
                } else if (v == 0) {
                    fill = Color.WHITE;
                } else {
                    float t = (float) (0.25 + 0.75 * Math.log1p(v) / Math.log1p(maxOff));
                    fill = new Color(1f, 1f - 0.6f * t, 1f - 0.6f * t);
                }
                g.setColor(fill);
                g.fillRect(left + p * cell, top + a * cell, cell, cell);
                g.setColor(Color.LIGHT_GRAY);
                g.drawRect(left + p * cell, top + a * cell, cell, cell);
                g.setColor(v == 0 ? Color.LIGHT_GRAY : Color.BLACK);
                centre(g, String.valueOf(v), left + p * cell, top + a * cell, cell, cell);
            }
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    /** A white canvas with a bold title, left ready for plain black text. */
    private static Graphics2D titled(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 10, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return g;
    }

    static void centre(Graphics2D g, String s, int x, int y, int w, int h) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, x + (w - fm.stringWidth(s)) / 2, y + (h + fm.getAscent() - fm.getDescent()) / 2);
    }

    /** The given mistakes as a grid of enlarged crops captioned "true → predicted (confidence)". */
    public static void mistakes(DigitSet set, List<Evaluator.Mistake> mistakes, Path file) throws IOException {
        int perRow = 5;
        int scale = 4;
        int cellW = DigitImages.SIDE * scale + 24;
        int cellH = DigitImages.SIDE * scale + 44;
        int rows = Math.max(1, (mistakes.size() + perRow - 1) / perRow);
        BufferedImage img = new BufferedImage(perRow * cellW + 16, rows * cellH + 50, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = titled(img, mistakes.isEmpty() ? "No mistakes" : "The " + mistakes.size()
                + " most confident mistakes: true → predicted (confidence)");
        BufferedImage digit = new BufferedImage(DigitImages.SIDE, DigitImages.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < mistakes.size(); i++) {
            Evaluator.Mistake m = mistakes.get(i);
            digit.getRaster().setDataElements(0, 0, DigitImages.SIDE, DigitImages.SIDE, Evaluator.crop(set, m.index()));
            int x = 8 + (i % perRow) * cellW + 12;
            int y = 40 + (i / perRow) * cellH;
            g.drawImage(digit, x, y, DigitImages.SIDE * scale, DigitImages.SIDE * scale, null);
            g.setColor(Color.BLACK);
            DigitPrediction p = m.prediction();
            centre(g, p.rejected() ? String.format("%d → none (%.2f)", m.label(), p.nonDigitProbability())
                            : String.format("%d → %d (%.2f)", m.label(), p.label(), p.probability()),
                    x - 12, y + DigitImages.SIDE * scale, cellW, 24);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}
