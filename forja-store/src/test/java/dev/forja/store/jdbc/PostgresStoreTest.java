package dev.forja.store.jdbc;

import dev.forja.store.Store;
import dev.forja.store.Stores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store specification on a real PostgreSQL server (zonky's embedded binaries from Maven, started
 * once for the class); every test gets a fresh database, migrated by Flyway as a team's would be.
 */
class PostgresStoreTest extends StoreContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected Store openEmptyStore() throws Exception {
        String name = "forja_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return Stores.open("postgresql://postgres@localhost:" + postgres.getPort() + "/" + name);
    }
}
