package dev.forja.learn.ensemble;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.learn.learners.Predictor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stacked ensemble: each member's outputs for the row become the meta-learner's features
 * ({@link StackingLearner#metaWidth}); the meta-learner's output is the model's. Per-thread buffers, no
 * allocation per row.
 */
final class StackedPredictor implements Predictor {
    private final List<String> ids;
    private final List<Predictor> members;
    private final String metaId;
    private final Predictor meta;
    private final int outputs;
    private final ThreadLocal<double[][]> scratch;

    StackedPredictor(List<String> ids, List<Predictor> members, String metaId, Predictor meta) {
        this.ids = List.copyOf(ids);
        this.members = List.copyOf(members);
        this.metaId = metaId;
        this.meta = meta;
        this.outputs = meta.outputs();
        int k = members.get(0).outputs();
        this.scratch = ThreadLocal.withInitial(() -> new double[][] {new double[k], new double[StackingLearner.metaWidth(k, members.size())]});
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public void predict(double[] features, double[] out) {
        double[][] s = scratch.get();
        double[] one = s[0];
        double[] metaRow = s[1];
        int k = one.length;
        int per = StackingLearner.metaWidth(k, 1);
        for (int m = 0; m < members.size(); m++) {
            members.get(m).predict(features, one);
            StackingLearner.metaFeatures(one, metaRow, m * per);
        }
        meta.predict(metaRow, out);
    }

    @Override
    public ObjectNode save(Path dir) throws IOException {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.set("members", Members.save(ids, members, dir));
        Path metaDir = dir.resolve("meta");
        Files.createDirectories(metaDir);
        n.put("meta_learner", metaId);
        n.set("meta", meta.save(metaDir));
        return n;
    }
}
