package io.digitcam.data;

/**
 * Labelled 28×28 digit images, row-major bytes, white ink on black. The checksums identify the
 * files they came from, so a metrics file says exactly which data a model was scored on.
 */
public record DigitSet(byte[] pixels, byte[] labels, String imagesSha256, String labelsSha256) {
    public int size() {
        return labels.length;
    }
}
