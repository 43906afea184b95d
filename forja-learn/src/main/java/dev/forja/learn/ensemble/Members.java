package dev.forja.learn.ensemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Learners;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The member learners of an ensemble as its parameters name them ({@code members=logistic,forest,xgboost},
 * {@code member_params=forest.n_estimators=200;xgboost.max_depth=4}), fitted, saved into one
 * subdirectory each and loaded back through the fixed learner table (never a class name from a file).
 */
final class Members {
    private Members() {
    }

    /** The learners and their validated parameters. */
    record Spec(List<Learner> learners, List<Params> params) {
    }

    static Spec parse(String owner, String members, String memberParams) {
        List<Learner> learners = new ArrayList<>();
        for (String id : members.split(",")) {
            String name = id.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("voting") || name.equals("bagging") || name.equals("stacking")) {
                throw new ForjaException(owner + ": an ensemble cannot contain the ensemble '" + name + "'", "list single learners as members");
            }
            learners.add(Learners.get(name));
        }
        if (learners.isEmpty()) {
            throw new ForjaException(owner + ": no members", "give members=logistic,forest,xgboost");
        }
        Map<String, Map<String, String>> given = new LinkedHashMap<>();
        if (!memberParams.isBlank()) {
            for (String item : memberParams.split(";")) {
                String t = item.trim();
                int dot = t.indexOf('.');
                int eq = t.indexOf('=');
                if (dot < 1 || eq < dot) {
                    throw new ForjaException(owner + ": member parameter '" + t + "' is not LEARNER.NAME=VALUE", "e.g. member_params=forest.n_estimators=200");
                }
                String learner = t.substring(0, dot);
                if (learners.stream().noneMatch(l -> l.id().equals(learner))) {
                    throw new ForjaException(owner + ": member parameter '" + t + "' names '" + learner + "', which is not a member", "members are " + members);
                }
                given.computeIfAbsent(learner, k -> new LinkedHashMap<>()).put(t.substring(dot + 1, eq), t.substring(eq + 1));
            }
        }
        List<Params> params = new ArrayList<>();
        for (Learner l : learners) {
            params.add(Params.of(l, given.getOrDefault(l.id(), Map.of())));
        }
        return new Spec(learners, params);
    }

    static List<Predictor> fit(Spec spec, TrainingSet train, TrainingSet valid, long seed) {
        List<Predictor> out = new ArrayList<>();
        for (int i = 0; i < spec.learners().size(); i++) {
            out.add(spec.learners().get(i).fit(train, valid, spec.params().get(i), seed + i, ProgressListener.NONE));
        }
        return out;
    }

    static ArrayNode save(List<String> ids, List<Predictor> predictors, Path dir) throws IOException {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < predictors.size(); i++) {
            Path sub = dir.resolve("member-" + i);
            Files.createDirectories(sub);
            ObjectNode m = list.addObject();
            m.put("learner", ids.get(i));
            m.set("saved", predictors.get(i).save(sub));
        }
        return list;
    }

    static List<Predictor> load(JsonNode list, Path dir) throws IOException {
        List<Predictor> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            out.add(Learners.get(m.path("learner").asText()).load(m.path("saved"), dir.resolve("member-" + i)));
        }
        return out;
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(m -> ids.add(m.path("learner").asText()));
        return ids;
    }
}
