package dev.forja.store.tracking;

/** What identifies a run and its state; {@code endTime} is null while it runs. */
public record RunInfo(String runId, String experimentId, String runName, String userId, RunStatus status, long startTime,
                      Long endTime, String artifactUri, LifecycleStage stage) {
}
