package io.digitcam.util;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the calling thread behind the live video for the CPU: training on a 2-core machine would
 * otherwise take a core the recogniser and the window need, and the video stutters.
 *
 * <p>Java's thread priorities reach the scheduler on Windows, not on Linux (HotSpot ignores them
 * there unless run as root), so on Linux the thread's own scheduling policy is set. Linux keeps it
 * per thread, and threads the lowered one starts inherit it. An unprivileged process may always
 * lower its own priority but not raise it back, so this is for threads that do nothing else.
 */
public final class BackgroundPriority {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    /**
     * Linux's SCHED_IDLE: the thread runs only where nothing else wants the core, and the scheduler
     * counts a core running it as free when it places a waking thread, so the grabber does not land
     * on the recogniser's core. A lower nice value alone measured 24 frames/s on the paced demo
     * beside Learn, SCHED_IDLE 26 (30 with nothing beside it).
     */
    static final int SCHED_IDLE = 5;
    /** The fallback where SCHED_IDLE is refused: about a tenth of a core against a normal thread. */
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() {
    }

    interface LibC extends Library {
        int sched_setscheduler(int pid, int policy, int[] param);

        int sched_getscheduler(int pid);

        int setpriority(int which, int who, int prio);
    }

    /** libc, bound on first use (only on Linux). */
    private static final class LibcHolder {
        static final LibC INSTANCE = (LibC) Native.loadLibrary("c", LibC.class);
    }

    /** A daemon thread that lowers itself before it runs {@code work}. */
    public static Thread thread(String name, Runnable work) {
        Thread t = new Thread(() -> {
            lowerCurrentThread();
            work.run();
        }, name);
        t.setDaemon(true);
        return t;
    }

    /** Lowers the calling thread (Java's priority everywhere, which Windows's scheduler follows). */
    public static void lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (!Platform.isLinux()) {
            return;
        }
        try {
            int tid = threadId();
            if (LibcHolder.INSTANCE.sched_setscheduler(tid, SCHED_IDLE, new int[] {0}) == 0) {
                return;
            }
            LOG.debug("SCHED_IDLE refused for thread {}, errno {}; lowering its nice value", tid, Native.getLastError());
            if (LibcHolder.INSTANCE.setpriority(PRIO_PROCESS, tid, NICE) != 0) {
                LOG.debug("setpriority({}, {}) failed, errno {}", tid, NICE, Native.getLastError());
            }
        } catch (Exception | LinkageError e) {
            // The thread runs at normal priority: slower video while it works, nothing worse.
            LOG.debug("Could not lower the thread's priority", e);
        }
    }

    /** The calling thread's scheduling policy (Linux), for tests. */
    static int currentPolicy() throws java.io.IOException {
        return LibcHolder.INSTANCE.sched_getscheduler(threadId());
    }

    // /proc/thread-self links to "<pid>/task/<tid>"; Java 17 has no call for the kernel's thread id.
    private static int threadId() throws java.io.IOException {
        Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
        return Integer.parseInt(link.getFileName().toString());
    }
}
