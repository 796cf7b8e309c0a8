package io.digitcam.model;

import io.digitcam.train.Evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledModelCacheTest {
    private static final Path SHIPPED = Path.of("models/digitcam-cnn.zip");
    private static final Path VERIFIER = Path.of("models/digitcam-verifier.zip");

    @TempDir
    Path cache;
    private String before;

    @BeforeEach
    void useTemporaryCache() {
        before = System.getProperty(CompiledModelCache.FOLDER_PROPERTY);
        System.setProperty(CompiledModelCache.FOLDER_PROPERTY, cache.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(CompiledModelCache.FOLDER_PROPERTY);
        } else {
            System.setProperty(CompiledModelCache.FOLDER_PROPERTY, before);
        }
    }

    @Test
    void aModelLoadedOnceIsReadBackFromTheCacheAndAnswersAsDl4jDoes() throws IOException {
        assertThat(CompiledModelCache.standard().has(SHIPPED, DigitClassifier.CACHE_ROLE)).isFalse();
        DigitClassifier first = DigitClassifier.load(SHIPPED);
        assertThat(CompiledModelCache.standard().has(SHIPPED, DigitClassifier.CACHE_ROLE)).isTrue();

        // From here on the classifier comes from the cache file alone: DL4J must still agree with it.
        Dl4jAgreement.assertAgree(SHIPPED, TestData.slice(0, 300), 1e-5);
        DigitClassifier cached = DigitClassifier.load(SHIPPED);
        assertThat(cached.compiled()).isTrue();
        assertThat(cached.parameters()).isEqualTo(first.parameters());
        assertThat(cached.outputs()).isEqualTo(first.outputs());
        assertThat(cached.hasSecondHead()).isEqualTo(first.hasSecondHead());
    }

    @Test
    void theVerifierIsCachedTooAndGivesTheSameProbabilities() throws IOException {
        VerifierModel fresh = VerifierModel.load(VERIFIER, 2, 24);
        assertThat(fresh.network()).isNotNull();
        VerifierModel cached = VerifierModel.load(VERIFIER, 2, 24);
        assertThat(cached.network()).as("read from the cache, DL4J not involved").isNull();
        float[] x = new float[5 * 2 * 24 * 24];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() < 0.3f ? random.nextFloat() : 0f;
        }
        float[] a = fresh.digitProbabilities(x, 5);
        float[] b = cached.digitProbabilities(x, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(b[i]).isEqualTo(a[i]);
        }
    }

    @Test
    void aCorruptEntryIsIgnoredAndReplaced() throws IOException {
        DigitClassifier.load(SHIPPED);
        List<Path> entries;
        try (var files = Files.list(cache)) {
            entries = files.toList();
        }
        assertThat(entries).hasSize(1);
        Files.write(entries.get(0), new byte[] {1, 2, 3});

        assertThat(DigitClassifier.load(SHIPPED).classify(Evaluator.crop(TestData.slice(0, 1), 0)).label())
                .isEqualTo(TestData.slice(0, 1).labels()[0] & 0xff);
        assertThat(Files.size(entries.get(0))).isGreaterThan(1000);
    }

    @Test
    void anEditedModelFileIsNotServedItsOldCompilation(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("m.zip");
        Files.copy(SHIPPED, copy);
        DigitClassifier.load(copy);
        Files.write(copy, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        assertThat(CompiledModelCache.standard().has(copy, DigitClassifier.CACHE_ROLE)).isFalse();
    }

    @Test
    void onlyTheMostRecentlyUsedEntriesAreKept(@TempDir Path dir) throws IOException {
        // Stale entries of other models, older than anything used now.
        for (int i = 0; i < CompiledModelCache.KEPT + 5; i++) {
            Path old = Files.writeString(cache.resolve("old" + i + "-classifier.bin"), "x");
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        DigitClassifier.load(SHIPPED);
        List<String> left;
        try (var files = Files.list(cache)) {
            left = files.map(f -> f.getFileName().toString()).toList();
        }
        assertThat(left).hasSize(CompiledModelCache.KEPT)
                .as("the entry just written stays").anyMatch(n -> n.endsWith("-classifier.bin") && !n.startsWith("old"))
                .as("the oldest go first").doesNotContain("old0-classifier.bin", "old5-classifier.bin")
                .contains("old16-classifier.bin");
    }
}
