package dev.forja.store.jdbc;

import dev.forja.store.StoreException;

/**
 * MLflow's limits on what one request may log, enforced the same way so a client that works against
 * MLflow works against Forja and the other way round.
 */
final class LogLimits {
    static final int MAX_KEY = 250;
    static final int MAX_PARAM_VALUE = 6000;
    static final int MAX_TAG_VALUE = 8000;
    static final int MAX_METRICS_PER_BATCH = 1000;
    static final int MAX_PARAMS_PER_BATCH = 100;
    static final int MAX_TAGS_PER_BATCH = 100;
    static final int MAX_ENTITIES_PER_BATCH = 1000;

    private LogLimits() {
    }

    static void checkBatch(int metrics, int params, int tags) {
        if (metrics > MAX_METRICS_PER_BATCH || params > MAX_PARAMS_PER_BATCH || tags > MAX_TAGS_PER_BATCH
                || metrics + params + tags > MAX_ENTITIES_PER_BATCH) {
            throw StoreException.invalid("a batch may hold at most " + MAX_METRICS_PER_BATCH + " metrics, " + MAX_PARAMS_PER_BATCH
                    + " params and " + MAX_TAGS_PER_BATCH + " tags, " + MAX_ENTITIES_PER_BATCH + " in all; this one has "
                    + metrics + ", " + params + " and " + tags);
        }
    }

    /** Keys name files in MLflow's file store, so they keep to a safe alphabet there and here. */
    static String key(String what, String key) {
        if (key == null || key.isEmpty()) {
            throw StoreException.invalid(what + " key must not be empty");
        }
        if (key.length() > MAX_KEY) {
            throw StoreException.invalid(what + " key '" + key.substring(0, 40) + "…' is " + key.length() + " characters; the limit is " + MAX_KEY);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ' ' || c == '/' || c == ':')) {
                throw StoreException.invalid(what + " key '" + key + "' has '" + c
                        + "' at position " + (i + 1) + "; keys may hold letters, digits, '_', '-', '.', ' ', '/' and ':'");
            }
        }
        if (key.startsWith("/") || key.contains("..")) {
            throw StoreException.invalid(what + " key '" + key + "' must not start with '/' or contain '..'");
        }
        return key;
    }

    static String value(String what, String key, String value, int limit) {
        if (value == null) {
            throw StoreException.invalid(what + " '" + key + "' has no value");
        }
        if (value.length() > limit) {
            throw StoreException.invalid(what + " '" + key + "' has a value of " + value.length() + " characters; the limit is " + limit);
        }
        return value;
    }
}
