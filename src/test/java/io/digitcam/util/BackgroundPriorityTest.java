package io.digitcam.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
    @Test
    void aBackgroundThreadRunsOnlyWhereNothingElseWantsTheCore() throws Exception {
        assumeTrue(com.sun.jna.Platform.isLinux(), "SCHED_IDLE is Linux's");
        CompletableFuture<int[]> seen = new CompletableFuture<>();
        BackgroundPriority.thread("test-background", () -> {
            try {
                int[] child = new int[1];
                // Threads it starts (ND4J's, say) inherit the policy.
                Thread t = new Thread(() -> {
                    try {
                        child[0] = BackgroundPriority.currentPolicy();
                    } catch (java.io.IOException e) {
                        child[0] = -2;
                    }
                });
                t.start();
                t.join();
                seen.complete(new int[] {BackgroundPriority.currentPolicy(), child[0], Thread.currentThread().getPriority()});
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        }).start();
        int[] r = seen.get(10, TimeUnit.SECONDS);
        assertThat(r[0]).isEqualTo(BackgroundPriority.SCHED_IDLE);
        assertThat(r[1]).isEqualTo(BackgroundPriority.SCHED_IDLE);
        assertThat(r[2]).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(BackgroundPriority.currentPolicy()).as("the caller is untouched").isZero();
    }
}
