package io.digitcam.synth.raster;

import io.digitcam.data.MnistData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Poor man's sampling profiler for the renderer: which of our methods the time goes to. */
public final class RasterProfile {
    public static void main(String[] args) throws Exception {
        RasterScenes r = new RasterScenes(MnistData.test(Path.of("src/test/resources/mnist")), 7, Set.of());
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        for (int i = 0; i < 5; i++) {
            r.render(1000 + i);
        }
        Thread main = Thread.currentThread();
        Map<String, Integer> hits = new HashMap<>();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                StackTraceElement[] st = main.getStackTrace();
                for (StackTraceElement e : st) {
                    if (e.getClassName().contains("synth.raster") && !e.getClassName().contains("Profile")) {
                        hits.merge(e.getClassName().replace("io.digitcam.synth.raster.", "") + "." + e.getMethodName() + ":" + e.getLineNumber(), 1, Integer::sum);
                        break;
                    }
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException ex) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        org.bytedeco.opencv.global.opencv_core.setNumThreads(1);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            r.render(i);
        }
        long t = System.nanoTime() - t0;
        sampler.interrupt();
        System.out.printf("%.1f ms a scene (wall), %.1f ms CPU on one thread%n", t / 1e6 / n, (mx.getCurrentThreadCpuTime() - c0) / 1e6 / n);
        hits.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(30)
                .forEach(e -> System.out.println(e.getValue() + " " + e.getKey()));
    }
}
