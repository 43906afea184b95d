package dev.forja.serve.model;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model version a name serves right now. Requests read the reference once and keep that version
 * to the end, so a swap never disturbs a request in flight: the new version is loaded and warmed
 * beside the old one, then put in place with one atomic write.
 */
public final class ModelSlot {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSlot.class);

    private final String name;
    private final ModelSource source;
    private final AtomicReference<ServedModel> current = new AtomicReference<>();
    private volatile String problem = "loading";
    private volatile long swaps;
    private volatile java.util.function.Consumer<ServedModel> onLoad;

    public ModelSlot(String name, ModelSource source) {
        this.name = name;
        this.source = source;
    }

    public String name() {
        return name;
    }

    public ModelSource source() {
        return source;
    }

    /** The serving version, or null until the first load succeeds. */
    public ServedModel get() {
        return current.get();
    }

    public boolean ready() {
        return current.get() != null;
    }

    /** Why the slot is not ready ("loading", or the load failure); null when ready. */
    public String problem() {
        return ready() ? null : problem;
    }

    public long swaps() {
        return swaps;
    }

    /** Loads the version the source names now; on failure the slot stays as it was and says why. */
    public void load() {
        try {
            String version = source.currentVersion();
            swapTo(version);
        } catch (RuntimeException e) {
            problem = "failed to load " + source.uri() + ": " + e.getMessage();
            LOG.error("model {}: {}", name, problem);
        }
    }

    /** Polls a moving source and swaps when its version changed; returns whether it swapped. */
    public boolean refresh() {
        if (!source.moves()) {
            return false;
        }
        try {
            String version = source.currentVersion();
            ServedModel now = current.get();
            if (now != null && now.version().equals(version)) {
                return false;
            }
            swapTo(version);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("model {}: keeping version {} after a failed refresh of {}: {}", name, current.get() == null ? "-" : current.get().version(),
                    source.uri(), e.getMessage());
            if (current.get() == null) {
                problem = "failed to load " + source.uri() + ": " + e.getMessage();
            }
            return false;
        }
    }

    /** Called with each version this slot loads, before it serves (live drift attaches here). */
    public void onLoad(java.util.function.Consumer<ServedModel> listener) {
        this.onLoad = listener;
    }

    private void swapTo(String version) {
        ServedModel next = new ServedModel(name, version, source.uri(), source.load(version));
        java.util.function.Consumer<ServedModel> listener = onLoad;
        if (listener != null) {
            listener.accept(next);
        }
        ServedModel before = current.getAndSet(next);
        if (before != null) {
            swaps++;
            LOG.info("model {}: now serving version {} (was {})", name, version, before.version());
        }
    }
}
