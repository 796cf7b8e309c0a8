package io.digitcam.vision;

/** An axis-aligned box in frame pixels. Immutable, so it can cross threads. */
public record Box(int x, int y, int width, int height) {
    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public double centerY() {
        return y + height / 2.0;
    }

    public long area() {
        return (long) width * height;
    }

    /** Area of the intersection with {@code o}, 0 if they do not meet. */
    public long intersection(Box o) {
        Box common = overlap(o);
        return common == null ? 0 : common.area();
    }

    /** The part of this box that {@code o} covers too, or null if they do not meet. */
    public Box overlap(Box o) {
        int nx = Math.max(x, o.x);
        int ny = Math.max(y, o.y);
        int w = Math.min(right(), o.right()) - nx;
        int h = Math.min(bottom(), o.bottom()) - ny;
        return w > 0 && h > 0 ? new Box(nx, ny, w, h) : null;
    }

    public Box union(Box o) {
        int nx = Math.min(x, o.x);
        int ny = Math.min(y, o.y);
        return new Box(nx, ny, Math.max(right(), o.right()) - nx, Math.max(bottom(), o.bottom()) - ny);
    }

    public Box scaled(double s) {
        int nx = (int) Math.floor(x * s);
        int ny = (int) Math.floor(y * s);
        return new Box(nx, ny, (int) Math.ceil(right() * s) - nx, (int) Math.ceil(bottom() * s) - ny);
    }

    /** This box grown by {@code dx}, {@code dy} on each side and clipped to {@code w}×{@code h}. */
    public Box grown(int dx, int dy, int w, int h) {
        int nx = Math.max(0, x - dx);
        int ny = Math.max(0, y - dy);
        return new Box(nx, ny, Math.min(w, right() + dx) - nx, Math.min(h, bottom() + dy) - ny);
    }

    public int[] toArray() {
        return new int[] {x, y, width, height};
    }
}
