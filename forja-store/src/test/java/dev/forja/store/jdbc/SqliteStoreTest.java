package dev.forja.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forja.store.Store;
import dev.forja.store.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store specification on the embedded default: a SQLite file in FORJA_HOME. */
class SqliteStoreTest extends StoreContract {
    @TempDir
    Path home;

    @Override
    protected Store openEmptyStore() {
        return Stores.embedded(home);
    }

    @Test
    void theStoreIsOneWalModeFileInTheHomeDirectory() throws Exception {
        store.createExperiment("x", null, Map.of());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("forja.db"));
             ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void reopeningTheStoreKeepsWhatWasWrittenAndDoesNotMigrateAgain() {
        String id = store.createExperiment("kept", null, Map.of());
        store.close();
        store = Stores.embedded(home);
        assertThat(store.getExperiment(id).name()).isEqualTo("kept");
    }
}
