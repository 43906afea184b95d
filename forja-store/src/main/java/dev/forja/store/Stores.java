package dev.forja.store;

import dev.forja.store.jdbc.JdbcStore;
import dev.forja.store.jdbc.StoreLocation;
import java.nio.file.Path;

/** Opens a store from a URI: a SQLite file (path, {@code sqlite:///…}) or a PostgreSQL database ({@code postgresql://…}). */
public final class Stores {
    /** The embedded store's file inside {@code FORJA_HOME}. */
    public static final String EMBEDDED_FILE = "forja.db";

    private Stores() {
    }

    public static Store open(String uri) {
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            throw StoreException.invalid("'" + uri + "' is a server; open it as a remote store, not a database");
        }
        return JdbcStore.open(StoreLocation.parse(uri));
    }

    /** The embedded SQLite store of a Forja home directory, created on first use. */
    public static Store embedded(Path forjaHome) {
        return JdbcStore.open(StoreLocation.sqlite(forjaHome.resolve(EMBEDDED_FILE)));
    }
}
