package io.digitcam.source;

/** A camera present now; the index is what "camera:N" means. */
public record CameraInfo(int index, String name) {
}
