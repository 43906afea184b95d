package dev.forja.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.store.Page;
import dev.forja.store.Store;
import dev.forja.store.StoreException;
import dev.forja.store.tracking.Experiment;
import dev.forja.store.tracking.ViewType;
import java.util.LinkedHashMap;
import java.util.Map;

/** MLflow's experiment endpoints over the store. */
final class ExperimentsApi {
    private final Store store;

    private ExperimentsApi(Store store) {
        this.store = store;
    }

    static void register(Router router, Store store) {
        ExperimentsApi api = new ExperimentsApi(store);
        router.json("POST", "experiments/create", Role.WRITE, api::create)
                .json("GET", "experiments/get", Role.READ, api::get)
                .json("GET", "experiments/get-by-name", Role.READ, api::getByName)
                .json("POST", "experiments/search", Role.READ, api::search)
                .json("GET", "experiments/search", Role.READ, api::search)
                .json("POST", "experiments/update", Role.WRITE, api::update)
                .json("POST", "experiments/delete", Role.ADMIN, api::delete)
                .json("POST", "experiments/restore", Role.WRITE, api::restore)
                .json("POST", "experiments/set-experiment-tag", Role.WRITE, api::setTag);
    }

    static Map<String, String> tags(ApiRequest request) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode t : request.objects("tags")) {
            tags.put(ApiRequest.member(t, "tags", "key"), ApiRequest.member(t, "tags", "value"));
        }
        return tags;
    }

    private JsonNode create(ApiRequest request) {
        String id = store.createExperiment(request.string("name"), request.optString("artifact_location"), tags(request));
        return MlflowJson.object().put("experiment_id", id);
    }

    private JsonNode get(ApiRequest request) {
        ObjectNode n = MlflowJson.object();
        n.set("experiment", MlflowJson.experiment(store.getExperiment(request.string("experiment_id"))));
        return n;
    }

    private JsonNode getByName(ApiRequest request) {
        String name = request.string("experiment_name");
        Experiment e = store.findExperimentByName(name)
                .orElseThrow(() -> StoreException.notFound("no experiment named '" + name + "'"));
        ObjectNode n = MlflowJson.object();
        n.set("experiment", MlflowJson.experiment(e));
        return n;
    }

    private JsonNode search(ApiRequest request) {
        Page<Experiment> page = store.searchExperiments(request.optString("filter"), ViewType.parse(request.optString("view_type")),
                request.intOr("max_results", 1000), request.strings("order_by"), request.optString("page_token"));
        ObjectNode n = MlflowJson.object();
        var list = n.putArray("experiments");
        page.items().forEach(e -> list.add(MlflowJson.experiment(e)));
        if (page.nextPageToken() != null) {
            n.put("next_page_token", page.nextPageToken());
        }
        return n;
    }

    private JsonNode update(ApiRequest request) {
        store.renameExperiment(request.string("experiment_id"), request.string("new_name"));
        return MlflowJson.object();
    }

    private JsonNode delete(ApiRequest request) {
        store.deleteExperiment(request.string("experiment_id"));
        return MlflowJson.object();
    }

    private JsonNode restore(ApiRequest request) {
        store.restoreExperiment(request.string("experiment_id"));
        return MlflowJson.object();
    }

    private JsonNode setTag(ApiRequest request) {
        store.setExperimentTag(request.string("experiment_id"), request.string("key"), request.stringOr("value", ""));
        return MlflowJson.object();
    }
}
