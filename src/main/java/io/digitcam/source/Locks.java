package io.digitcam.source;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** Closing a source from another thread without waiting on a grab that may never return. */
final class Locks {
    private Locks() {
    }

    /**
     * Runs {@code release} under {@code lock} if the lock comes free within {@code millis};
     * otherwise a grab still holds it, and the grab releases when it returns.
     */
    static void releaseIfFree(ReentrantLock lock, long millis, Runnable release) {
        boolean locked = false;
        try {
            locked = lock.tryLock(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (locked) {
            try {
                release.run();
            } finally {
                lock.unlock();
            }
        }
    }
}
