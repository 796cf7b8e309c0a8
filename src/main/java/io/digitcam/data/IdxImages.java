package io.digitcam.data;

/** A stack of same-sized grey images as stored in IDX: row-major, one unsigned byte per pixel. */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {
    public int size() {
        return rows * cols;
    }

    /** Pixel value 0..255 of image {@code i}. */
    public int pixel(int i, int row, int col) {
        return pixels[i * size() + row * cols + col] & 0xff;
    }
}
