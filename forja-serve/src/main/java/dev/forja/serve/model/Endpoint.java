package dev.forja.serve.model;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A served name: its model, and optionally a canary (a challenger that answers a share of the
 * requests) and a shadow (a challenger that scores a copy of every request without answering).
 */
public final class Endpoint {
    private final String name;
    private final ModelSlot primary;
    private final ModelSlot canary;
    private final int canaryPercent;
    private final ModelSlot shadow;
    private final AtomicLong requests = new AtomicLong();

    public Endpoint(String name, ModelSlot primary, ModelSlot canary, int canaryPercent, ModelSlot shadow) {
        if (canaryPercent < 0 || canaryPercent > 100) {
            throw new IllegalArgumentException("canary share " + canaryPercent + " is not a percentage");
        }
        this.name = name;
        this.primary = primary;
        this.canary = canary;
        this.canaryPercent = canary == null ? 0 : canaryPercent;
        this.shadow = shadow;
    }

    public String name() {
        return name;
    }

    public ModelSlot primary() {
        return primary;
    }

    public ModelSlot canary() {
        return canary;
    }

    public int canaryPercent() {
        return canaryPercent;
    }

    public ModelSlot shadow() {
        return shadow;
    }

    /**
     * The version that answers this request: the canary for {@code canaryPercent} of every hundred
     * requests (spread evenly, not at random, so the share holds at low traffic too), else the primary.
     */
    public ServedModel pick() {
        if (canary != null && canaryPercent > 0) {
            long n = requests.getAndIncrement() % 100;
            // Bresenham-style spread: request n goes to the canary when the running share crosses a whole request.
            if ((n + 1) * canaryPercent / 100 > n * canaryPercent / 100) {
                ServedModel c = canary.get();
                if (c != null) {
                    return c;
                }
            }
        }
        return primary.get();
    }

    /** Every slot of this endpoint, for readiness and refreshes. */
    public java.util.List<ModelSlot> slots() {
        java.util.List<ModelSlot> out = new java.util.ArrayList<>();
        out.add(primary);
        if (canary != null) {
            out.add(canary);
        }
        if (shadow != null) {
            out.add(shadow);
        }
        return out;
    }
}
