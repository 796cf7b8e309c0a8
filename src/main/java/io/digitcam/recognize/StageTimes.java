package io.digitcam.recognize;

/**
 * Where one frame's recognition time went, in milliseconds: for benchmarks, which need to know
 * which stage to make faster. Classifying includes cutting the 28×28 crops.
 */
public record StageTimes(double proposeMillis, double verifyMillis, double classifyMillis) {
    public double totalMillis() {
        return proposeMillis + verifyMillis + classifyMillis;
    }
}
