package io.digitcam.source;

/**
 * Which camera to open and what to ask it for. Cameras treat the size and rate as wishes and
 * may deliver something else; frames carry their real size.
 *
 * @param index null with a null name: the first camera found
 * @param name  matched case-insensitively against {@link Cameras#list()}; wins over index
 */
public record CameraSpec(Integer index, String name, int width, int height, double fps) {
    /** 720p is what most webcams do at 30 fps and gives digits enough pixels at arm's length. */
    public static final CameraSpec DEFAULT = new CameraSpec(null, null, 1280, 720, 30);

    public CameraSpec {
        if (index != null && index < 0) {
            throw new IllegalArgumentException("camera index " + index + " < 0");
        }
        if (width <= 0 || height <= 0 || !(fps > 0)) {
            throw new IllegalArgumentException("camera mode " + width + "×" + height + " @ " + fps + " fps");
        }
    }

    public CameraSpec withIndex(int i) {
        return new CameraSpec(i, null, width, height, fps);
    }

    public CameraSpec withName(String n) {
        return new CameraSpec(null, n, width, height, fps);
    }
}
