package dev.forja.serve.monitor.drift;

/** How much a feature moved, in the order a report sorts by. */
public enum Severity {
    NONE, WARN, ALERT;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Severity max(Severity a, Severity b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
