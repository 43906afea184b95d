package dev.forja.store.jdbc;

import java.util.ArrayList;
import java.util.List;

/** Splits id lists for {@code IN (…)} so a page of runs never exceeds a driver's bind-variable limit. */
final class Chunks {
    static final int SIZE = 500;

    private Chunks() {
    }

    static <T> List<List<T>> of(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += SIZE) {
            out.add(items.subList(i, Math.min(items.size(), i + SIZE)));
        }
        return out;
    }
}
