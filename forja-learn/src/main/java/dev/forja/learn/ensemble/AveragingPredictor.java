package dev.forja.learn.ensemble;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.learn.learners.Predictor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Members' outputs combined per row: the mean of their probabilities or values (soft voting, bagging),
 * or for classification with {@code hard} the share of members that pick each class (hard voting; the
 * shares are the model's probabilities, so ties are broken like any close call). A thread's scratch
 * vector is reused: no allocation per row.
 */
final class AveragingPredictor implements Predictor {
    private final List<String> ids;
    private final List<Predictor> members;
    private final boolean hard;
    private final int outputs;
    private final ThreadLocal<double[]> scratch;

    AveragingPredictor(List<String> ids, List<Predictor> members, boolean hard) {
        this.ids = List.copyOf(ids);
        this.members = List.copyOf(members);
        this.hard = hard;
        this.outputs = members.get(0).outputs();
        this.scratch = ThreadLocal.withInitial(() -> new double[outputs]);
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public void predict(double[] features, double[] out) {
        double[] one = scratch.get();
        java.util.Arrays.fill(out, 0);
        for (Predictor m : members) {
            m.predict(features, one);
            if (hard && outputs > 1) {
                int best = 0;
                for (int c = 1; c < outputs; c++) {
                    if (one[c] > one[best]) {
                        best = c;
                    }
                }
                out[best] += 1;
            } else {
                for (int c = 0; c < outputs; c++) {
                    out[c] += one[c];
                }
            }
        }
        for (int c = 0; c < outputs; c++) {
            out[c] /= members.size();
        }
    }

    @Override
    public ObjectNode save(Path dir) throws IOException {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("combine", hard ? "hard" : "mean");
        n.set("members", Members.save(ids, members, dir));
        return n;
    }
}
