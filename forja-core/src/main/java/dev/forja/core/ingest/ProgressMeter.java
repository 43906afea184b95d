package dev.forja.core.ingest;

import dev.forja.core.ProgressListener;

/**
 * Throttles progress updates so that a read reports a few hundred times at most, however large the
 * source: with a known total, about every 1/200th of it; with an unknown total (a JDBC result), at
 * counts that grow by 10% each time (about 150 updates for a billion rows).
 */
public final class ProgressMeter {
    private static final int STEPS = 200;
    private static final long FIRST_UNBOUNDED = 1_000;

    private final ProgressListener listener;
    private final String stage;
    private final long total;
    private long next;

    /**
     * @param total units in all, or {@code -1} when unknown
     */
    public ProgressMeter(ProgressListener listener, String stage, long total) {
        this.listener = listener;
        this.stage = stage;
        this.total = total;
        this.next = total >= 0 ? step() : FIRST_UNBOUNDED;
    }

    private long step() {
        return Math.max(1, total / STEPS);
    }

    /** Reports {@code done} if it has passed the next threshold; cheap otherwise. */
    public void update(long done) {
        if (done < next) {
            return;
        }
        listener.update(stage, done, total);
        if (total >= 0) {
            next = done + step();
        } else {
            next = Math.max(done + 1, done + done / 10);
        }
    }

    /** The last update: everything done. */
    public void finish(long done) {
        listener.update(stage, done, total >= 0 ? Math.max(total, done) : done);
    }
}
