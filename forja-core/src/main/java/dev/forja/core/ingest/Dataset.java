package dev.forja.core.ingest;

import dev.forja.core.fingerprint.Fingerprint;
import dev.forja.core.frame.Frame;

/**
 * A frame together with where it came from and how it was read. The fingerprint is computed on first
 * use and kept.
 */
public final class Dataset {
    private final String source;
    private final DataFormat format;
    private final Frame frame;
    private final ReadReport report;
    private volatile String fingerprint;

    public Dataset(String source, DataFormat format, Frame frame, ReadReport report) {
        this.source = source;
        this.format = format;
        this.frame = frame;
        this.report = report;
    }

    public String source() {
        return source;
    }

    public DataFormat format() {
        return format;
    }

    public Frame frame() {
        return frame;
    }

    public ReadReport report() {
        return report;
    }

    /** {@link Fingerprint#of(Frame)} of the frame. */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = Fingerprint.of(frame);
            fingerprint = f;
        }
        return f;
    }
}
