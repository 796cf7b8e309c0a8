package io.digitcam.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuStealTest {
    @Test
    void stolenShareIsAFractionOfTheTimeSpent() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "Linux only");
        CpuSteal steal = CpuSteal.start().orElseThrow();
        long end = System.nanoTime() + 200_000_000L;
        double sink = 0;
        while (System.nanoTime() < end) {
            sink += Math.sqrt(sink + 1);
        }
        assertThat(sink).isPositive();
        assertThat(steal.share().orElseThrow()).isBetween(0.0, 1.0);
    }
}
