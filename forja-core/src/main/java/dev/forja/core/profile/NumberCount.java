package dev.forja.core.profile;

/** A number and how many rows hold it. */
public record NumberCount(double value, long count) {
}
