package dev.forja.app.tracking;

import dev.forja.core.ForjaException;
import dev.forja.store.Store;
import dev.forja.store.registry.ModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Model URIs as MLflow writes them: {@code runs:/<run>/<path>}, {@code models:/<name>/<version>},
 * {@code models:/<name>/latest}, {@code models:/<name>@<alias>}, a {@code mlflow-artifacts:/} URI, or a
 * plain path. The store is opened only when the URI needs it, so a path works without FORJA_HOME.
 */
public final class ModelUris {
    private ModelUris() {
    }

    public static boolean needsStore(String uri) {
        return uri.startsWith("runs:/") || uri.startsWith("models:/") || uri.startsWith("mlflow-artifacts:");
    }

    /** The local model directory for a URI. */
    public static Path resolve(String uri, Supplier<Tracking> tracking) {
        if (!needsStore(uri)) {
            Path path = Path.of(uri);
            if (!Files.isDirectory(path)) {
                throw new ForjaException("model '" + uri + "' is not a directory",
                        "give a directory written by forja train, or runs:/<run>/model, models:/<name>/<version>, models:/<name>@<alias>");
            }
            return path;
        }
        Tracking t = tracking.get();
        String target = artifactUri(uri, t, 0);
        // A version registered from a plain directory keeps that path as its source.
        return target.startsWith("mlflow-artifacts:") ? t.artifacts().fetch(target) : resolve(target, tracking);
    }

    /** The artifact URI a model URI stands for, following registry entries to the run that produced them. */
    public static String artifactUri(String uri, Tracking t, int depth) {
        if (depth > 5) {
            throw new ForjaException("model URI " + uri + " refers to itself through the registry", "register the version with a runs:/ source");
        }
        if (uri.startsWith("mlflow-artifacts:")) {
            return uri;
        }
        if (uri.startsWith("runs:/")) {
            return runArtifactUri(uri, t.store());
        }
        if (uri.startsWith("models:/")) {
            ModelVersion v = version(uri, t);
            return artifactUri(v.source(), t, depth + 1);
        }
        return uri;
    }

    /** {@code runs:/<run>/<path>} as the artifact URI it stands for: the run's artifact URI plus the path. */
    public static String runArtifactUri(String runsUri, Store store) {
        String rest = runsUri.substring("runs:/".length());
        int slash = rest.indexOf('/');
        String runId = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (runId.isEmpty()) {
            throw new ForjaException("model URI '" + runsUri + "' names no run", "write runs:/<run_id>/model");
        }
        String base = store.getRun(runId).info().artifactUri();
        return path.isEmpty() ? base : base + "/" + path;
    }

    /** The registered version a {@code models:/} URI names. */
    public static ModelVersion version(String uri, Tracking t) {
        String rest = uri.substring("models:/".length());
        int at = rest.indexOf('@');
        if (at > 0) {
            return t.store().getVersionByAlias(rest.substring(0, at), rest.substring(at + 1));
        }
        int slash = rest.lastIndexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new ForjaException("model URI '" + uri + "' names no version",
                    "write models:/<name>/<version>, models:/<name>/latest or models:/<name>@<alias>");
        }
        String name = rest.substring(0, slash);
        String version = rest.substring(slash + 1);
        if (version.equalsIgnoreCase("latest")) {
            return t.store().latestVersions(name, java.util.List.of()).stream().max(java.util.Comparator.comparingLong(ModelVersion::version))
                    .orElseThrow(() -> new ForjaException("registered model '" + name + "' has no versions",
                            "register one with forja models register MODEL_URI " + name));
        }
        try {
            return t.store().getModelVersion(name, Long.parseLong(version));
        } catch (NumberFormatException e) {
            throw new ForjaException("'" + version + "' in " + uri + " is not a version number",
                    "write models:/" + name + "/3, models:/" + name + "/latest or models:/" + name + "@<alias>");
        }
    }
}
