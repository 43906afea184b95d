package dev.forja.serve.protocol;

import dev.forja.core.task.Task;
import dev.forja.serve.model.Scores;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The response bodies of the three prediction protocols. */
public final class Responses {
    private Responses() {
    }

    /** {@code {"predictions": [{"label", "probabilities": {class: p}} | {"value"}, …], "model", "version"}}. */
    public static byte[] v1(Scores s) {
        Task task = s.model().task();
        List<String> classes = task.classes();
        int k = s.outputs();
        double[] out = s.values();
        StringBuilder sb = new StringBuilder(64 + s.rows() * (task.isClassification() ? 40 + 30 * k : 24));
        sb.append("{\"predictions\":[");
        for (int r = 0; r < s.rows(); r++) {
            if (r > 0) {
                sb.append(',');
            }
            if (task.isClassification()) {
                sb.append("{\"label\":");
                JsonText.string(sb, classes.get(s.decide(r)));
                sb.append(",\"probabilities\":{");
                for (int c = 0; c < k; c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    JsonText.string(sb, classes.get(c)).append(':');
                    JsonText.number(sb, out[r * k + c]);
                }
                sb.append("}}");
            } else {
                sb.append("{\"value\":");
                JsonText.number(sb, out[r]);
                sb.append('}');
            }
        }
        sb.append("],\"model\":");
        JsonText.string(sb, s.model().name()).append(",\"version\":");
        JsonText.string(sb, s.model().version()).append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** MLflow's scoring server: {@code {"predictions": [label | value, …]}}. */
    public static byte[] invocations(Scores s) {
        Task task = s.model().task();
        StringBuilder sb = new StringBuilder(32 + s.rows() * 12);
        sb.append("{\"predictions\":[");
        for (int r = 0; r < s.rows(); r++) {
            if (r > 0) {
                sb.append(',');
            }
            if (task.isClassification()) {
                JsonText.label(sb, task.classes().get(s.decide(r)));
            } else {
                JsonText.number(sb, s.values()[r]);
            }
        }
        sb.append("]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The Open Inference Protocol's response. */
    public static byte[] v2(Scores s, String id) {
        Task task = s.model().task();
        int n = s.rows();
        int k = s.outputs();
        StringBuilder sb = new StringBuilder(128 + n * 32 * Math.max(1, k));
        sb.append("{\"model_name\":");
        JsonText.string(sb, s.model().name()).append(",\"model_version\":");
        JsonText.string(sb, s.model().version());
        if (id != null) {
            sb.append(",\"id\":");
            JsonText.string(sb, id);
        }
        sb.append(",\"outputs\":[");
        if (task.isClassification()) {
            sb.append("{\"name\":\"label\",\"shape\":[").append(n).append("],\"datatype\":\"BYTES\",\"data\":[");
            for (int r = 0; r < n; r++) {
                if (r > 0) {
                    sb.append(',');
                }
                JsonText.string(sb, task.classes().get(s.decide(r)));
            }
            sb.append("]},{\"name\":\"probabilities\",\"shape\":[").append(n).append(',').append(k).append("],\"datatype\":\"FP64\",\"data\":[");
            for (int i = 0; i < n * k; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                JsonText.number(sb, s.values()[i]);
            }
            sb.append("]}");
        } else {
            sb.append("{\"name\":\"value\",\"shape\":[").append(n).append("],\"datatype\":\"FP64\",\"data\":[");
            for (int r = 0; r < n; r++) {
                if (r > 0) {
                    sb.append(',');
                }
                JsonText.number(sb, s.values()[r]);
            }
            sb.append("]}");
        }
        sb.append("]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
