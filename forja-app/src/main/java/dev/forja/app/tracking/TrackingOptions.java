package dev.forja.app.tracking;

import dev.forja.app.ForjaHome;
import dev.forja.store.Store;
import dev.forja.store.Stores;
import dev.forja.store.rest.RestStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --tracking-uri}, which every command that reads or writes runs and models takes. Without it
 * Forja uses {@code FORJA_TRACKING_URI}, else the embedded SQLite store in {@code FORJA_HOME}.
 */
public final class TrackingOptions {
    public static final String ENV = "FORJA_TRACKING_URI";
    /** The bearer token sent to a tracking server started with --auth. */
    public static final String TOKEN_ENV = "FORJA_TRACKING_TOKEN";

    @Option(names = "--tracking-uri", paramLabel = "URI",
            description = "The store: a SQLite file, postgresql://user:pw@host/db, or a server http://host:port "
                    + "(default: $" + ENV + ", else FORJA_HOME/forja.db).")
    public String trackingUri;

    /** Opens the store and the artifact root it keeps run artifacts under. */
    public Tracking open() {
        String uri = trackingUri != null ? trackingUri : System.getenv(ENV);
        ForjaHome home = ForjaHome.fromEnvironment();
        if (uri == null || uri.isBlank()) {
            Path root = home.root();
            return new Tracking(Stores.embedded(root), RunArtifacts.local(home.directory("artifacts")), false);
        }
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            String token = System.getenv(TOKEN_ENV);
            return new Tracking(new RestStore(uri, token), new HttpRunArtifacts(uri, token, home.directory("cache"), home.root().resolve("tmp")), true);
        }
        Store store = Stores.open(uri);
        return new Tracking(store, RunArtifacts.local(home.directory("artifacts")), false);
    }
}
