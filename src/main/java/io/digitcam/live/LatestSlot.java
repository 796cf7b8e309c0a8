package io.digitcam.live;

/**
 * A hand-off of one item where the newest wins: the producer never waits and never queues up
 * work the consumer cannot keep up with; a frame the worker had no time for is simply replaced.
 */
public final class LatestSlot<T> {
    private T item;
    private boolean closed;
    private long dropped;
    private long takenNanos;
    // Between a take of an item and its done(): the consumer is still at work on it.
    private boolean working;
    // How long the consumer works on an item, take → done.
    private final SmoothedNanos busy = new SmoothedNanos();

    /** Offers the newest item, replacing one not yet taken. */
    public synchronized void put(T newest) {
        if (item != null) {
            dropped++;
        }
        item = newest;
        notifyAll();
    }

    /** The newest item, waiting for one; null once closed. */
    public synchronized T take() throws InterruptedException {
        while (item == null && !closed) {
            wait();
        }
        T out = item;
        item = null;
        working = out != null;
        takenNanos = System.nanoTime();
        notifyAll();
        return out;
    }

    /** The consumer is done with the item it took last. */
    public synchronized void done() {
        busy.add(System.nanoTime() - takenNanos);
        working = false;
        notifyAll();
    }

    /**
     * Waits until every item put so far has been taken and finished with: after a finite source
     * ended, its last frame has then been handed on. False once closed.
     */
    public synchronized boolean awaitIdle() throws InterruptedException {
        while ((item != null || working) && !closed) {
            wait();
        }
        return !closed;
    }

    /**
     * When the consumer is expected to want its next item (System.nanoTime): the last take plus
     * its usual time per item. An unpaced producer that makes the item just before that hands
     * over a fresh one instead of one that waited.
     */
    public synchronized long nextWantedNanos() {
        return takenNanos + busy.get();
    }

    /**
     * Waits until the last item was taken: an unpaced producer makes the next item only when it
     * is wanted, while the consumer works on the previous one. False once closed.
     */
    public synchronized boolean awaitTaken() throws InterruptedException {
        while (item != null && !closed) {
            wait();
        }
        return !closed;
    }

    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Items replaced before anyone took them. */
    public synchronized long dropped() {
        return dropped;
    }
}
