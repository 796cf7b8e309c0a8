package io.digitcam.verify;

import io.digitcam.model.ModelLoadException;
import io.digitcam.model.VerifierModel;
import io.digitcam.propose.Candidate;
import io.digitcam.propose.Proposals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Says of each proposal whether it is one whole digit, from what {@link VerifierInput} shows of
 * it: a learned decision in place of hand rules about clutter, fragments, touching digits and
 * sheet edges. All of a frame's candidates go through the network in one batch.
 * Confined to one thread, like the model it runs.
 */
public final class DigitVerifier {
    private final VerifierModel model;

    public DigitVerifier(VerifierModel model) {
        this.model = model;
    }

    public static DigitVerifier load(Path file) throws ModelLoadException {
        return new DigitVerifier(VerifierModel.load(file, VerifierInput.CHANNELS, VerifierInput.SIDE));
    }

    public VerifierModel model() {
        return model;
    }

    /** Every candidate with its probability, in the proposals' order. */
    public List<Verified> verify(Proposals proposals) {
        List<Candidate> candidates = proposals.candidates();
        float[] p = model.digitProbabilities(VerifierInput.of(proposals, candidates), candidates.size());
        List<Verified> out = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            out.add(new Verified(candidates.get(i), p[i]));
        }
        return out;
    }
}
