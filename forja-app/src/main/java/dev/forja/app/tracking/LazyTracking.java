package dev.forja.app.tracking;

import java.util.function.Supplier;

/** Opens the store on first use only, so commands given a plain model path never touch FORJA_HOME. */
public final class LazyTracking implements Supplier<Tracking>, AutoCloseable {
    private final TrackingOptions options;
    private Tracking tracking;

    public LazyTracking(TrackingOptions options) {
        this.options = options;
    }

    @Override
    public Tracking get() {
        if (tracking == null) {
            tracking = options.open();
        }
        return tracking;
    }

    @Override
    public void close() {
        if (tracking != null) {
            tracking.close();
        }
    }
}
