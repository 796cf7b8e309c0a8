package io.digitcam.verify;

import io.digitcam.propose.Candidate;

/** A candidate and how likely the verifier finds it to be one whole digit. */
public record Verified(Candidate candidate, double digitProbability) {
}
