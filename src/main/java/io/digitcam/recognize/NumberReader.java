package io.digitcam.recognize;

import io.digitcam.vision.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads numbers out of loose digits: digits that overlap vertically form a line, a line is read
 * left to right, and a gap wider than {@code numberGap} digit heights starts a new number.
 */
public final class NumberReader {
    private final double lineOverlap;
    private final double numberGap;

    /**
     * @param lineOverlap fraction of the shorter digit's height two digits must share to be on
     *                    one line
     * @param numberGap   horizontal gap, in median digit heights of the line, that separates numbers
     */
    public NumberReader(double lineOverlap, double numberGap) {
        this.lineOverlap = lineOverlap;
        this.numberGap = numberGap;
    }

    public record Reading(List<RecognizedDigit> ordered, List<String> numbers) {
    }

    /** A frame's digits read into numbers. */
    public Recognition recognition(FrameDigits frame) {
        Reading reading = read(frame.digits());
        return new Recognition(frame.width(), frame.height(), reading.ordered(), reading.numbers(), frame.millis());
    }

    public Reading read(List<RecognizedDigit> digits) {
        List<RecognizedDigit> ordered = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (List<RecognizedDigit> number : numbers(digits)) {
            StringBuilder text = new StringBuilder();
            for (RecognizedDigit d : number) {
                text.append(d.label());
                ordered.add(d);
            }
            numbers.add(text.toString());
        }
        return new Reading(ordered, numbers);
    }

    /** The digits of each number, numbers top to bottom then left to right, digits left to right. */
    public List<List<RecognizedDigit>> numbers(List<RecognizedDigit> digits) {
        List<List<RecognizedDigit>> lines = new ArrayList<>();
        List<RecognizedDigit> byTop = new ArrayList<>(digits);
        byTop.sort(Comparator.comparingDouble(d -> d.box().centerY()));
        for (RecognizedDigit d : byTop) {
            List<RecognizedDigit> home = null;
            for (List<RecognizedDigit> line : lines) {
                if (line.stream().anyMatch(o -> sameLine(o.box(), d.box()))) {
                    home = line;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                lines.add(home);
            }
            home.add(d);
        }
        lines.sort(Comparator.comparingDouble(l -> l.stream().mapToDouble(d -> d.box().centerY()).average().orElse(0)));
        List<List<RecognizedDigit>> numbers = new ArrayList<>();
        for (List<RecognizedDigit> line : lines) {
            line.sort(Comparator.comparingInt(d -> d.box().x()));
            double median = line.stream().mapToInt(d -> d.box().height()).sorted()
                    .skip((line.size() - 1) / 2).findFirst().orElse(1);
            List<RecognizedDigit> number = new ArrayList<>();
            RecognizedDigit previous = null;
            for (RecognizedDigit d : line) {
                if (previous != null && d.box().x() - previous.box().right() > numberGap * median) {
                    numbers.add(number);
                    number = new ArrayList<>();
                }
                number.add(d);
                previous = d;
            }
            numbers.add(number);
        }
        return numbers;
    }

    /**
     * Whether two digits would be read as part of one number: on one line, of similar height, and
     * closer than the gap that separates numbers.
     */
    public boolean sameNumber(Box a, Box b) {
        int shorter = Math.min(a.height(), b.height());
        int taller = Math.max(a.height(), b.height());
        int gap = Math.max(a.x(), b.x()) - Math.min(a.right(), b.right());
        return sameLine(a, b) && shorter >= 0.6 * taller && gap <= numberGap * taller;
    }

    private boolean sameLine(Box a, Box b) {
        int overlap = Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y());
        return overlap >= lineOverlap * Math.min(a.height(), b.height());
    }
}
