package io.digitcam.app;

import io.digitcam.train.HandwritingTuner;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The Learn button's real trainer: {@link HandwritingTuner} with its defaults, MNIST from the
 * replay set shipped in the jar (nothing is downloaded), ND4J's thread count left as the app set it.
 */
final class HandwritingTuning implements Tuning {
    @Override
    public Outcome tune(Path samples, Path baseModel, Path out, Progress progress, BooleanSupplier cancelled)
            throws Exception {
        HandwritingTuner.Result r = new HandwritingTuner().tune(samples, baseModel, null, out, progress::report, cancelled);
        return new Outcome(r.kept(), r.verdict() == HandwritingTuner.Verdict.CANCELLED, r.reason(), r.personalBefore(),
                r.personalAfter(), r.mnistBefore(), r.mnistAfter(), r.outModel());
    }
}
