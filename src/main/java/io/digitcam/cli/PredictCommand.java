package io.digitcam.cli;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.digitcam.recognize.Recognition;
import io.digitcam.recognize.RecognitionJson;
import io.digitcam.recognize.RecognitionSettings;
import io.digitcam.recognize.Recognizer;
import io.digitcam.render.Annotator;
import io.digitcam.render.DebugImages;
import io.digitcam.source.ImageFiles;
import io.digitcam.util.ErrorText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Read the digits and numbers in images. Directories are searched for "
                + "PNG, JPEG, BMP, TIFF and WebP files.")
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Images, or directories of images.")
    List<Path> inputs;

    @picocli.CommandLine.Mixin
    ModelOption model;

    @picocli.CommandLine.Mixin
    VerifierOption verifier;

    @Option(names = "--json", description = "Print one JSON object per image (JSON Lines).")
    boolean json;

    @Option(names = "--annotate", paramLabel = "DIR", description = "Write an annotated copy of each image here.")
    Path annotate;

    @Option(names = "--debug", paramLabel = "DIR",
            description = "Write what each stage saw here: the ink maps, every proposal and what the verifier accepted, "
                    + "and the normalised 28×28 crops with their labels.")
    Path debug;

    @Option(names = "--min-confidence", paramLabel = "P", defaultValue = "0.6",
            description = "Report a region as a digit only above this confidence. Default: ${DEFAULT-VALUE}.")
    double minConfidence;

    private final Set<String> written = new HashSet<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path dir : new Path[] {annotate, debug}) {
            if (dir != null) {
                Files.createDirectories(dir);
            }
        }
        Recognizer recognizer = Recognizer.load(model.resolved(), verifier.resolved(),
                RecognitionSettings.DEFAULT.withMinConfidence(minConfidence));
        int failed = 0;
        for (Path file : expand(inputs)) {
            if (Files.isDirectory(file) && !ImageFiles.looksLikeImage(file)) {
                // What expand() leaves of a directory that held no image: say so, don't pass in silence.
                err.println("digitcam: " + file + ": is a directory with no images (" + String.join(", ", ImageFiles.EXTENSIONS) + ") in it");
                err.flush();
                failed++;
                continue;
            }
            try (Mat image = ImageFiles.read(file); Recognizer.Trace trace = recognizer.trace(image)) {
                Recognition r = trace.recognition();
                out.println(json ? RecognitionJson.line(file.toString(), r) : summary(file, r));
                out.flush();
                String stem = uniqueStem(file);
                if (annotate != null) {
                    try (Mat copy = image.clone()) {
                        Annotator.draw(copy, r, minConfidence);
                        write(annotate.resolve(stem + ".png"), copy);
                    }
                }
                if (debug != null) {
                    // At the image's size, so it lines up with the photo (the detector works smaller).
                    try (Mat ink = trace.inkView(); Mat mask = new Mat()) {
                        resize(ink, mask, image.size(), 0, 0, INTER_NEAREST);
                        write(debug.resolve(stem + ".mask.png"), mask);
                    }
                    try (Mat crops = DebugImages.crops(trace.crops(), trace.predictions())) {
                        write(debug.resolve(stem + ".crops.png"), crops);
                    }
                    var accepted = trace.verified().stream()
                            .filter(v -> v.digitProbability() >= recognizer.minDigit()).toList();
                    try (Mat stages = DebugImages.stages(image, trace.proposals().candidates().stream()
                                    .map(c -> c.box()).toList(), accepted.stream().map(v -> v.candidate().box()).toList(),
                            accepted.stream().map(v -> v.digitProbability()).toList(),
                            r.digits().stream().map(d -> d.box()).toList())) {
                        write(debug.resolve(stem + ".stages.png"), stages);
                    }
                }
            } catch (IOException e) {
                err.println("digitcam: " + ErrorText.oneLine(e));
                err.flush();
                failed++;
            } catch (RuntimeException e) {
                // One image the pipeline chokes on must not cost the rest of the batch.
                err.println("digitcam: " + file + ": could not be processed (" + ErrorText.oneLine(e) + ")");
                err.flush();
                failed++;
            }
        }
        return failed > 0 ? 1 : 0;
    }

    static String summary(Path file, Recognition r) {
        if (r.digits().isEmpty()) {
            return file + ": no digits";
        }
        return String.format("%s: %s (%d digit%s, min confidence %.2f)", file, String.join(" ", r.numbers()),
                r.digits().size(), r.digits().size() == 1 ? "" : "s", r.minConfidence());
    }

    /** Files in the order given; directories expand to their images, sorted. */
    private static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p) && !ImageFiles.looksLikeImage(p)) {
                List<Path> found;
                try (Stream<Path> list = Files.list(p)) {
                    found = list.filter(f -> Files.isRegularFile(f) && ImageFiles.looksLikeImage(f)).sorted().toList();
                }
                if (found.isEmpty()) {
                    files.add(p);
                }
                files.addAll(found);
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private String uniqueStem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String candidate = stem;
        for (int i = 2; !written.add(candidate); i++) {
            candidate = stem + "-" + i;
        }
        return candidate;
    }

    private static void write(Path file, Mat image) throws IOException {
        if (!imwrite(file.toString(), image)) {
            throw new IOException(file + ": could not be written");
        }
    }
}
