package dev.forja.serve.model;

import dev.forja.learn.model.Model;

/**
 * Where a served model comes from: a model URI and how to load the version it names. An alias
 * ({@code models:/churn@production}) can move to another version; the server polls {@link #currentVersion}
 * and swaps the new version in when it changes.
 */
public interface ModelSource {
    /** The URI as the user gave it. */
    String uri();

    /** The version the URI names now (a registry version number, a run id, …). */
    String currentVersion();

    /** Whether {@link #currentVersion} can change while the server runs (aliases, {@code latest}). */
    boolean moves();

    /** Loads a version. */
    Model load(String version);
}
