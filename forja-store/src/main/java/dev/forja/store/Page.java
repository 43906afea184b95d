package dev.forja.store;

import java.util.List;

/** One page of a search, and the opaque token that fetches the next one ({@code null} on the last page). */
public record Page<T>(List<T> items, String nextPageToken) {
    public Page {
        items = List.copyOf(items);
    }
}
