package dev.forja.app.serve;

import dev.forja.app.tracking.ModelUris;
import dev.forja.app.tracking.Tracking;
import dev.forja.core.ForjaException;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.ModelArtifact;
import dev.forja.serve.model.ModelSource;
import dev.forja.store.registry.ModelVersion;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A model URI as a serving source. {@code models:/name@alias} and {@code models:/name/latest} move:
 * their current version is asked of the registry on every refresh. {@code models:/name/3},
 * {@code runs:/…} and paths are fixed.
 */
public final class UriModelSource implements ModelSource {
    private final String uri;
    private final Supplier<Tracking> tracking;

    UriModelSource(String uri, Supplier<Tracking> tracking) {
        this.uri = uri;
        this.tracking = tracking;
    }

    /** The name a URI is served under unless --name says otherwise. */
    public static String defaultName(String uri) {
        if (uri.startsWith("models:/")) {
            String rest = uri.substring("models:/".length());
            int at = rest.indexOf('@');
            int slash = rest.lastIndexOf('/');
            return at > 0 ? rest.substring(0, at) : slash > 0 ? rest.substring(0, slash) : rest;
        }
        if (uri.startsWith("runs:/")) {
            String run = uri.substring("runs:/".length()).split("/", 2)[0];
            return "run-" + run.substring(0, Math.min(8, run.length()));
        }
        Path p = Path.of(uri).toAbsolutePath().normalize();
        return p.getFileName() == null ? "model" : p.getFileName().toString();
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public boolean moves() {
        return uri.startsWith("models:/") && (uri.contains("@") || uri.endsWith("/latest"));
    }

    @Override
    public String currentVersion() {
        if (uri.startsWith("models:/")) {
            ModelVersion v = ModelUris.version(uri, tracking.get());
            return Long.toString(v.version());
        }
        if (uri.startsWith("runs:/")) {
            return uri.substring("runs:/".length()).split("/", 2)[0];
        }
        String run = ModelArtifact.read(Path.of(uri)).provenance().runId();
        return run != null ? run : "local";
    }

    @Override
    public Model load(String version) {
        if (uri.startsWith("models:/")) {
            String name = defaultName(uri);
            return ModelArtifact.read(ModelUris.resolve("models:/" + name + "/" + version, tracking));
        }
        Model model = ModelArtifact.read(ModelUris.resolve(uri, tracking));
        if (model == null) {
            throw new ForjaException("cannot load " + uri, "check the URI");
        }
        return model;
    }
}
