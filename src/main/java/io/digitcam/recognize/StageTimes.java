package io.digitcam.recognize;

/**
 * Where one frame's recognition time went, in milliseconds: for benchmarks, which need to know
 * which stage to make faster.
 */
public record StageTimes(double detectMillis, double normalizeMillis, double classifyMillis) {
    public double totalMillis() {
        return detectMillis + normalizeMillis + classifyMillis;
    }
}
