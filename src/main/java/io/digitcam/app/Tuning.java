package io.digitcam.app;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * What the Learn button runs: fine-tunes a classifier on the user's samples. The app's is
 * {@link HandwritingTuning} (the trainer in {@code train}); tests give the window a fake so
 * progress, cancel and the model swap can be checked without a minutes-long training run.
 * Called on the tuning thread, never the UI thread.
 */
interface Tuning {
    /** Progress 0..1 and what is happening; called on the tuning thread. */
    interface Progress {
        void report(double fraction, String message);
    }

    /**
     * @param samples   the samples folder ({@code <label>/*.png})
     * @param baseModel the model tuning starts from
     * @param out       where the tuned model goes, written only if it is kept
     */
    Outcome tune(Path samples, Path baseModel, Path out, Progress progress, BooleanSupplier cancelled) throws Exception;

    /**
     * How a run went. Accuracies are fractions, NaN when not measured (e.g. cancelled early).
     *
     * @param model the tuned model if it was kept, else null
     */
    record Outcome(boolean kept, boolean cancelled, String reason, double samplesBefore, double samplesAfter,
                   double mnistBefore, double mnistAfter, Path model) {
        /** One line for the status bar: kept or not, and why. */
        String headline() {
            if (cancelled) {
                return "Learning cancelled; the model in use is unchanged.";
            }
            return kept ? "New model kept: " + reason : "New model not kept: " + reason;
        }

        /** The accuracies before and after. */
        String scores() {
            return "Your held-out samples " + percent(samplesBefore, 1) + " → " + percent(samplesAfter, 1)
                    + "  ·  MNIST test " + percent(mnistBefore, 2) + " → " + percent(mnistAfter, 2);
        }

        private static String percent(double fraction, int decimals) {
            return Double.isNaN(fraction) ? "–" : String.format("%." + decimals + "f%%", 100 * fraction);
        }
    }
}
