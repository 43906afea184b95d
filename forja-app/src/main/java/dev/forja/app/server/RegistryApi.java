package dev.forja.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.tracking.ModelUris;
import dev.forja.store.Page;
import dev.forja.store.Store;
import dev.forja.store.StoreException;
import dev.forja.store.registry.ModelVersion;
import dev.forja.store.registry.RegisteredModel;
import java.util.List;

/** MLflow's model registry endpoints over the store: registered models, versions, tags and aliases. */
final class RegistryApi {
    private final Store store;

    private RegistryApi(Store store) {
        this.store = store;
    }

    static void register(Router router, Store store) {
        RegistryApi api = new RegistryApi(store);
        router.json("POST", "registered-models/create", Role.WRITE, api::create)
                .json("GET", "registered-models/get", Role.READ, api::get)
                .json("POST", "registered-models/rename", Role.WRITE, api::rename)
                .json("PATCH", "registered-models/update", Role.WRITE, api::update)
                .json("DELETE", "registered-models/delete", Role.ADMIN, api::delete)
                .json("GET", "registered-models/search", Role.READ, api::search)
                .json("POST", "registered-models/get-latest-versions", Role.READ, api::latest)
                .json("GET", "registered-models/get-latest-versions", Role.READ, api::latest)
                .json("POST", "registered-models/set-tag", Role.WRITE, api::setTag)
                .json("DELETE", "registered-models/delete-tag", Role.WRITE, api::deleteTag)
                .json("POST", "registered-models/alias", Role.WRITE, api::setAlias)
                .json("DELETE", "registered-models/alias", Role.WRITE, api::deleteAlias)
                .json("GET", "registered-models/alias", Role.READ, api::getByAlias)
                .json("POST", "model-versions/create", Role.WRITE, api::createVersion)
                .json("GET", "model-versions/get", Role.READ, api::getVersion)
                .json("PATCH", "model-versions/update", Role.WRITE, api::updateVersion)
                .json("DELETE", "model-versions/delete", Role.ADMIN, api::deleteVersion)
                .json("GET", "model-versions/search", Role.READ, api::searchVersions)
                .json("GET", "model-versions/get-download-uri", Role.READ, api::downloadUri)
                .json("POST", "model-versions/set-tag", Role.WRITE, api::setVersionTag)
                .json("DELETE", "model-versions/delete-tag", Role.WRITE, api::deleteVersionTag);
    }

    private static ObjectNode model(RegisteredModel m) {
        ObjectNode n = MlflowJson.object();
        n.set("registered_model", MlflowJson.registeredModel(m));
        return n;
    }

    private static ObjectNode version(ModelVersion v) {
        ObjectNode n = MlflowJson.object();
        n.set("model_version", MlflowJson.modelVersion(v));
        return n;
    }

    private static long versionNumber(ApiRequest request) {
        String text = request.string("version");
        try {
            long v = Long.parseLong(text.trim());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw StoreException.invalid("parameter 'version' must be a version number (1, 2, …), not '" + text + "'");
        }
    }

    private JsonNode create(ApiRequest request) {
        return model(store.createRegisteredModel(request.string("name"), request.optString("description"), ExperimentsApi.tags(request)));
    }

    private JsonNode get(ApiRequest request) {
        return model(store.getRegisteredModel(request.string("name")));
    }

    private JsonNode rename(ApiRequest request) {
        return model(store.renameRegisteredModel(request.string("name"), request.string("new_name")));
    }

    private JsonNode update(ApiRequest request) {
        return model(store.updateRegisteredModel(request.string("name"), request.stringOr("description", "")));
    }

    private JsonNode delete(ApiRequest request) {
        store.deleteRegisteredModel(request.string("name"));
        return MlflowJson.object();
    }

    private JsonNode search(ApiRequest request) {
        Page<RegisteredModel> page = store.searchRegisteredModels(request.optString("filter"), request.intOr("max_results", 100),
                request.strings("order_by"), request.optString("page_token"));
        ObjectNode n = MlflowJson.object();
        var list = n.putArray("registered_models");
        page.items().forEach(m -> list.add(MlflowJson.registeredModel(m)));
        if (page.nextPageToken() != null) {
            n.put("next_page_token", page.nextPageToken());
        }
        return n;
    }

    private JsonNode latest(ApiRequest request) {
        List<ModelVersion> versions = store.latestVersions(request.string("name"), request.strings("stages"));
        ObjectNode n = MlflowJson.object();
        var list = n.putArray("model_versions");
        versions.forEach(v -> list.add(MlflowJson.modelVersion(v)));
        return n;
    }

    private JsonNode setTag(ApiRequest request) {
        store.setRegisteredModelTag(request.string("name"), request.string("key"), request.stringOr("value", ""));
        return MlflowJson.object();
    }

    private JsonNode deleteTag(ApiRequest request) {
        store.deleteRegisteredModelTag(request.string("name"), request.string("key"));
        return MlflowJson.object();
    }

    private JsonNode setAlias(ApiRequest request) {
        store.setAlias(request.string("name"), request.string("alias"), versionNumber(request));
        return MlflowJson.object();
    }

    private JsonNode deleteAlias(ApiRequest request) {
        store.deleteAlias(request.string("name"), request.string("alias"));
        return MlflowJson.object();
    }

    private JsonNode getByAlias(ApiRequest request) {
        return version(store.getVersionByAlias(request.string("name"), request.string("alias")));
    }

    private JsonNode createVersion(ApiRequest request) {
        return version(store.createModelVersion(request.string("name"), request.string("source"), request.optString("run_id"),
                request.optString("description"), ExperimentsApi.tags(request)));
    }

    private JsonNode getVersion(ApiRequest request) {
        return version(store.getModelVersion(request.string("name"), versionNumber(request)));
    }

    private JsonNode updateVersion(ApiRequest request) {
        return version(store.updateModelVersion(request.string("name"), versionNumber(request), request.stringOr("description", "")));
    }

    private JsonNode deleteVersion(ApiRequest request) {
        store.deleteModelVersion(request.string("name"), versionNumber(request));
        return MlflowJson.object();
    }

    private JsonNode searchVersions(ApiRequest request) {
        Page<ModelVersion> page = store.searchModelVersions(request.optString("filter"), request.intOr("max_results", 10_000),
                request.strings("order_by"), request.optString("page_token"));
        ObjectNode n = MlflowJson.object();
        var list = n.putArray("model_versions");
        page.items().forEach(v -> list.add(MlflowJson.modelVersion(v)));
        if (page.nextPageToken() != null) {
            n.put("next_page_token", page.nextPageToken());
        }
        return n;
    }

    /** Where a version's files are: a {@code runs:/} source becomes the run's artifact URI plus the path. */
    private JsonNode downloadUri(ApiRequest request) {
        ModelVersion v = store.getModelVersion(request.string("name"), versionNumber(request));
        String source = v.source();
        String uri = source;
        if (source.startsWith("runs:/")) {
            uri = ModelUris.runArtifactUri(source, store);
        }
        return MlflowJson.object().put("artifact_uri", uri);
    }

    private JsonNode setVersionTag(ApiRequest request) {
        store.setModelVersionTag(request.string("name"), versionNumber(request), request.string("key"), request.stringOr("value", ""));
        return MlflowJson.object();
    }

    private JsonNode deleteVersionTag(ApiRequest request) {
        store.deleteModelVersionTag(request.string("name"), versionNumber(request), request.string("key"));
        return MlflowJson.object();
    }
}
