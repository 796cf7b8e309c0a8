package io.digitcam.scenes;
import io.digitcam.model.DigitClassifier;
import io.digitcam.recognize.*;
import io.digitcam.source.*;
import org.bytedeco.opencv.opencv_core.Mat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * Times each reading stage on the demo's frames, rendered one after another and read on the same
 * thread (no grabber competing for the other core): MODEL. {@code bench pipeline} gives only the
 * whole recognition time per frame.
 */
public final class DemoTimes {
    private static final int WARM_UP = 100;
    private static final int FRAMES = 300;

    public static void main(String[] a) throws Exception {
        Recognizer r = Recognizer.create(DigitClassifier.load(java.nio.file.Path.of(a[0])), RecognitionSettings.DEFAULT);
        DemoSource src = new DemoSource(1, false);
        src.open();
        java.util.List<StageTimes> times = new java.util.ArrayList<>();
        int regions = 0;
        for (int i = 0; i < WARM_UP + FRAMES; i++) {
            FrameImage f = src.grab();
            try (Mat m = new Mat(f.height(), f.width(), CV_8UC3)) {
                m.data().put(f.bgr());
                try (Recognizer.Trace t = r.trace(m)) {
                    if (i >= WARM_UP) { times.add(t.times()); regions += t.regions().size(); }
                }
            }
        }
        SceneBench.printTimes("demo", times);
        System.out.println("regions per frame " + regions / (double) FRAMES);
    }
}
