package dev.forja.learn.model;

import dev.forja.core.frame.ColumnKind;
import java.util.Locale;
import java.util.Map;

/**
 * card.md: a model card a reviewer can read without tools — what the model predicts, from which data,
 * how well compared with its baseline, what inputs and ranges it was trained on, and what it was not
 * checked for. Slices, calibration and fairness sections come with the evaluation suite.
 */
final class ModelCard {
    private ModelCard() {
    }

    static String render(Model model) {
        StringBuilder sb = new StringBuilder();
        var t = model.task();
        var p = model.provenance();
        sb.append("# Model card: ").append(model.learner()).append(" predicting `").append(t.target()).append("`\n\n");
        sb.append("## Intended use\n\n");
        sb.append("- Task: ").append(t.kind().id());
        if (t.isClassification()) {
            sb.append(", classes ").append(t.classes());
            if (t.positiveClass() != null) {
                sb.append(", positive class `").append(t.positiveClass()).append('`');
            }
        }
        sb.append("\n- Metric optimised: `").append(t.metric()).append("`\n");
        if (t.cost() != null) {
            sb.append(String.format(Locale.ROOT, "- Costs: false positive %s, false negative %s (decision threshold %.4f)%n",
                    t.cost().falsePositive(), t.cost().falseNegative(), t.cost().threshold()));
        }
        sb.append("\n## Data\n\n");
        sb.append("- Source: `").append(p.dataSource()).append("`\n");
        sb.append("- Fingerprint: `").append(p.dataFingerprint()).append("`\n");
        sb.append("- Training rows: ").append(p.trainingRows()).append("\n");
        sb.append("- Split: ").append(p.split()).append("\n\n");
        sb.append("## Performance on the held-out test set\n\n");
        sb.append("| metric | model | baseline |\n| --- | ---: | ---: |\n");
        for (Map.Entry<String, Double> e : model.metrics().entrySet()) {
            Double b = model.baselineMetrics().get(e.getKey());
            sb.append("| ").append(e.getKey()).append(" | ").append(fmt(e.getValue())).append(" | ").append(fmt(b)).append(" |\n");
        }
        sb.append("\n## Inputs\n\n| column | kind | missing seen | seen values |\n| --- | --- | --- | --- |\n");
        for (InputSpec s : model.signature().inputs()) {
            String seen;
            if (s.kind() == ColumnKind.CATEGORICAL) {
                seen = s.categories().size() + " categories";
            } else if (Double.isFinite(s.min())) {
                seen = s.kind() == ColumnKind.DATETIME
                        ? java.time.Instant.ofEpochMilli((long) s.min()) + " to " + java.time.Instant.ofEpochMilli((long) s.max())
                        : fmt(s.min()) + " to " + fmt(s.max());
            } else {
                seen = "";
            }
            sb.append("| ").append(s.name()).append(" | ").append(s.kind().id()).append(" | ").append(s.nullable() ? "yes" : "no")
                    .append(" | ").append(seen).append(" |\n");
        }
        sb.append("\n## Training\n\n- Learner: `").append(p.learner()).append("`, seed ").append(p.seed()).append("\n- Parameters: ");
        sb.append(p.params().isEmpty() ? "none" : p.params().toString()).append("\n- Versions: ").append(p.versions()).append("\n\n");
        sb.append("## Limits\n\n");
        sb.append("- Checked only on a random (or time / group) hold-out of the same data; not on other populations or later periods.\n");
        sb.append("- Inputs outside the ranges above, and categories not seen in training, are extrapolations.\n");
        sb.append("- Not yet assessed here: calibration, slices, robustness, fairness (see the evaluation report when one is attached).\n");
        return sb.toString();
    }

    private static String fmt(Double v) {
        if (v == null || v.isNaN()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
