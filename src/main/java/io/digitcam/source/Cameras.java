package io.digitcam.source;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;

/**
 * Opening webcams with FFmpeg on Linux (video4linux2), Windows (dshow) and macOS (avfoundation).
 *
 * <p>Presence is checked before the grabber starts: FFmpeg takes about ten seconds to give up on
 * a camera that is not there, while a look at /dev or an OpenCV probe answers in milliseconds,
 * and "no camera" is the common case the app must get past quickly (it then shows the demo).
 */
public final class Cameras {
    private static final Path DEV = Path.of("/dev");
    private static final Path SYS_V4L = Path.of("/sys/class/video4linux");
    private static final Pattern VIDEO_NODE = Pattern.compile("video(\\d+)");
    /** Probing beyond a few indices costs time and finds nothing on a desktop. */
    private static final int PROBED_INDICES = 4;

    private Cameras() {
    }

    /** A camera source; nothing is touched until open(), which fails fast if the camera is missing. */
    public static GrabberSource source(CameraSpec spec) {
        String description = spec.name() != null ? "camera \"" + spec.name() + "\""
                : spec.index() == null ? "camera" : describe(spec.index());
        return new GrabberSource(description, () -> {
            Platform p = Platform.current();
            int index = resolve(spec);
            requirePresent(index);
            String device = switch (p) {
                case LINUX -> devicePath(index).toString();
                case WINDOWS -> "video=" + windowsName(spec, index);
                case MAC -> Integer.toString(index);
            };
            return grabber(format(p), device, spec);
        }, GrabberOptions.camera());
    }

    /**
     * The same camera code path with FFmpeg's input chosen by the caller, e.g. format "lavfi"
     * and device "testsrc2=size=640x480:rate=30": tests and CI exercise the real camera
     * machinery with no webcam.
     */
    public static GrabberSource source(String format, String device, CameraSpec spec, GrabberOptions options) {
        return new GrabberSource(format + " " + device, () -> grabber(format, device, spec), options);
    }

    static FFmpegFrameGrabber grabber(String format, String device, CameraSpec spec) {
        Ffmpeg.quiet();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(device);
        g.setFormat(format);
        g.setImageWidth(spec.width());
        g.setImageHeight(spec.height());
        g.setFrameRate(spec.fps());
        return g;
    }

    static String format(Platform p) {
        return switch (p) {
            case LINUX -> "video4linux2";
            case WINDOWS -> "dshow";
            case MAC -> "avfoundation";
        };
    }

    static String describe(int index) {
        return Platform.current() == Platform.LINUX ? "camera " + index + " (" + devicePath(index) + ")"
                : "camera " + index;
    }

    /** The cameras present now, by index. */
    public static List<CameraInfo> list() {
        if (Platform.current() == Platform.LINUX) {
            return listLinux(SYS_V4L);
        }
        List<CameraInfo> found = new ArrayList<>();
        for (int i = 0; i < PROBED_INDICES; i++) {
            if (openCvSees(i)) {
                String name = Platform.current() == Platform.WINDOWS ? videoInputName(i) : null;
                found.add(new CameraInfo(i, name != null ? name : "camera " + i));
            }
        }
        return found;
    }

    /**
     * Capture nodes under /sys/class/video4linux. UVC webcams also create a metadata node
     * (index file "1") with the same name, which cannot deliver pictures, so it is left out.
     */
    static List<CameraInfo> listLinux(Path sysClass) {
        if (!Files.isDirectory(sysClass)) {
            return List.of();
        }
        List<CameraInfo> found = new ArrayList<>();
        try (Stream<Path> nodes = Files.list(sysClass)) {
            for (Path node : (Iterable<Path>) nodes::iterator) {
                Matcher m = VIDEO_NODE.matcher(node.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                String nodeIndex = readFirstLine(node.resolve("index"));
                if (nodeIndex != null && !nodeIndex.equals("0")) {
                    continue;
                }
                String name = readFirstLine(node.resolve("name"));
                int index = Integer.parseInt(m.group(1));
                found.add(new CameraInfo(index, name == null || name.isEmpty() ? "camera " + index : name));
            }
        } catch (IOException | RuntimeException e) {
            return found;
        }
        found.sort(Comparator.comparingInt(CameraInfo::index));
        return found;
    }

    private static String readFirstLine(Path p) {
        try {
            return Files.isReadable(p) ? Files.readString(p).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The index to open: the named camera, the given index, or the first one present. */
    static int resolve(CameraSpec spec) throws SourceException {
        if (spec.name() != null) {
            List<CameraInfo> cams = list();
            return pick(spec.name(), cams).index();
        }
        if (spec.index() != null) {
            return spec.index();
        }
        List<CameraInfo> cams = list();
        return cams.isEmpty() ? 0 : cams.get(0).index();
    }

    /** Exact name first, then a substring, so "camera:logitech" finds "Logitech C920". */
    static CameraInfo pick(String name, List<CameraInfo> cams) throws SourceException {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (CameraInfo c : cams) {
            if (c.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return c;
            }
        }
        List<CameraInfo> partial = cams.stream()
                .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(wanted)).toList();
        if (partial.size() == 1) {
            return partial.get(0);
        }
        String known = cams.isEmpty() ? "no cameras found"
                : "cameras: " + String.join(", ", cams.stream().map(c -> c.index() + " " + c.name()).toList());
        throw new SourceException((partial.isEmpty() ? "no camera named \"" : "more than one camera matches \"")
                + name + "\" (" + known + ")");
    }

    /** Milliseconds, where starting a grabber on a missing camera takes seconds. */
    static void requirePresent(int index) throws SourceException {
        if (Platform.current() == Platform.LINUX) {
            Path dev = devicePath(index);
            if (!Files.exists(dev)) {
                throw new SourceException("no camera at index " + index + " (no " + dev + ")");
            }
            if (!Files.isReadable(dev)) {
                throw new SourceException("camera " + index + ": " + dev
                        + " is not readable (add your user to the \"video\" group and log in again)");
            }
        } else if (!openCvSees(index)) {
            throw new SourceException("no camera at index " + index);
        }
    }

    static Path devicePath(int index) {
        return DEV.resolve("video" + index);
    }

    private static boolean openCvSees(int index) {
        try (VideoCapture cap = new VideoCapture(index)) {
            boolean open = cap.isOpened();
            cap.release();
            return open;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** dshow opens cameras by name only. */
    private static String windowsName(CameraSpec spec, int index) throws SourceException {
        if (spec.name() != null) {
            return pick(spec.name(), list()).name();
        }
        String name = videoInputName(index);
        if (name == null) {
            throw new SourceException("camera " + index + ": cannot find its DirectShow name; open it by name (camera:NAME)");
        }
        return name;
    }

    /**
     * Windows camera names come from the videoInput library, which the Maven "windows" profile
     * adds; it is not on other platforms' classpath, hence reflection.
     */
    private static String videoInputName(int index) {
        try {
            Class<?> vi = Class.forName("org.bytedeco.videoinput.videoInput");
            Method listDevices = vi.getMethod("listDevices", boolean.class);
            int count = ((Number) listDevices.invoke(null, true)).intValue();
            if (index >= count) {
                return null;
            }
            Object name = vi.getMethod("getDeviceName", int.class).invoke(null, index);
            if (name == null || name instanceof String) {
                return (String) name;
            }
            // A JavaCPP BytePointer: its toString() is an address, getString() the text.
            return (String) name.getClass().getMethod("getString").invoke(name);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
