package dev.forja.core.profile;

/** A value (as text: a level, a text, a token or an ISO-8601 instant) and how many rows hold it. */
public record ValueCount(String value, long count) {
}
