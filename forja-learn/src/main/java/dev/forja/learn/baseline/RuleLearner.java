package dev.forja.learn.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.learners.FeatureNeeds;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.ParamSpec;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A domain expert's rule as a model, the second baseline to beat:
 * {@code --param rule="tenure < 3 and Contract == month-to-month -> yes else no"}.
 *
 * <p>Grammar: {@code CONDITION [and CONDITION]... -> OUTCOME [else OUTCOME]}; a condition is
 * {@code NAME OP VALUE} with {@code OP} one of {@code < <= > >= == !=}. For a numeric column the value is
 * a number, compared with the raw (unscaled) value; for a categorical column use {@code ==} or
 * {@code !=} with a level (quoted with ' or " if it has blanks). A missing value never satisfies a
 * condition. Outcomes are class labels, or numbers for regression; without {@code else}, rows the rule
 * does not cover get the training rows' majority class (mean). Probabilities: the class frequencies of
 * the training rows in each branch (Laplace-smoothed), so the rule's AUC and log loss are honest.
 */
public final class RuleLearner implements Learner {
    private static final Pattern CONDITION = Pattern.compile("\\s*(.+?)\\s*(<=|>=|==|!=|<|>)\\s*(\"[^\"]*\"|'[^']*'|\\S+)\\s*");

    @Override
    public String id() {
        return "rule";
    }

    @Override
    public String description() {
        return "a user rule such as \"tenure < 3 -> yes\", scored like any model";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of(TaskKind.BINARY, TaskKind.MULTICLASS, TaskKind.REGRESSION);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.text("rule", "", "CONDITION [and CONDITION]... -> OUTCOME [else OUTCOME], e.g. \"tenure < 3 -> yes\""));
    }

    @Override
    public FeatureNeeds needs() {
        // raw numbers and one 0/1 feature per category, missing values kept as NaN
        return new FeatureNeeds(false, true, true, false);
    }

    record Condition(int feature, String op, double value) {
        boolean holds(double x) {
            if (Double.isNaN(x)) {
                return false;
            }
            switch (op) {
                case "<": return x < value;
                case "<=": return x <= value;
                case ">": return x > value;
                case ">=": return x >= value;
                case "==": return x == value;
                default: return x != value;
            }
        }
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        String rule = params.get("rule").trim();
        if (rule.isEmpty()) {
            throw new ForjaException("the rule model needs a rule", "pass --param rule=\"tenure < 3 -> yes\"");
        }
        int arrow = rule.indexOf("->");
        if (arrow < 0) {
            throw new ForjaException("rule '" + rule + "' has no '->' (character " + (rule.length() + 1) + ")", "write it as CONDITION -> OUTCOME, e.g. tenure < 3 -> yes");
        }
        String when = rule.substring(0, arrow);
        String then = rule.substring(arrow + 2).trim();
        String otherwise = null;
        Matcher elseMatch = Pattern.compile("\\s+else\\s+", Pattern.CASE_INSENSITIVE).matcher(then);
        if (elseMatch.find()) {
            otherwise = unquote(then.substring(elseMatch.end()).trim());
            then = then.substring(0, elseMatch.start()).trim();
        }
        then = unquote(then);
        List<String> names = train.x().names();
        List<Condition> conditions = new ArrayList<>();
        int position = 1;
        for (String part : when.split("(?i)\\s+and\\s+")) {
            Matcher m = CONDITION.matcher(part);
            if (!m.matches()) {
                throw new ForjaException("rule condition '" + part.trim() + "' (at character " + position + ") is not NAME OP VALUE",
                        "use < <= > >= == != between a column and a value, e.g. tenure < 3 or Contract == month-to-month");
            }
            conditions.add(condition(m.group(1), m.group(2), unquote(m.group(3)), names, position));
            position += part.length() + 5;
        }
        Task task = train.task();
        int k = task.outputs();
        double[] inside = new double[task.isClassification() ? k : 2];
        double[] outside = new double[inside.length];
        double[] row = new double[train.x().width()];
        for (int r = 0; r < train.rows(); r++) {
            train.x().row(r, row);
            double[] acc = matches(conditions, row) ? inside : outside;
            if (task.isClassification()) {
                acc[(int) train.y()[r]] += train.weight(r);
            } else {
                acc[0] += train.weight(r) * train.y()[r];
                acc[1] += train.weight(r);
            }
        }
        double[] yes;
        double[] no;
        if (task.isClassification()) {
            int thenClass = classIndex(task, then);
            int elseClass = otherwise == null ? -1 : classIndex(task, otherwise);
            yes = smoothed(inside, thenClass);
            no = elseClass >= 0 ? smoothed(outside, elseClass) : smoothed(outside, -1);
        } else {
            yes = new double[] {number(then)};
            no = new double[] {otherwise != null ? number(otherwise) : outside[1] > 0 ? outside[0] / outside[1] : inside[0] / Math.max(1, inside[1])};
        }
        return new Rule(conditions, yes, no, rule);
    }

    /**
     * Branch probabilities: the branch's Laplace-smoothed class frequencies, with the rule's class made the
     * most probable (a rule states its outcome; the frequencies only shade how sure it is).
     */
    private static double[] smoothed(double[] counts, int stated) {
        int k = counts.length;
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] p = new double[k];
        for (int c = 0; c < k; c++) {
            p[c] = (counts[c] + 1) / (total + k);
        }
        if (stated >= 0) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            if (best != stated) {
                double t = p[best];
                p[best] = p[stated];
                p[stated] = t;
            }
        }
        return p;
    }

    private static Condition condition(String name, String op, String value, List<String> names, int position) {
        int numeric = names.indexOf(name);
        if (numeric >= 0) {
            try {
                return new Condition(numeric, op, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new ForjaException("rule: column '" + name + "' is numeric but '" + value + "' is not a number (character " + position + ")",
                        "compare it with a number, e.g. " + name + " < 3");
            }
        }
        int level = names.indexOf(name + "=" + value);
        if (level >= 0) {
            if (!op.equals("==") && !op.equals("!=")) {
                throw new ForjaException("rule: '" + name + "' is categorical; only == and != apply (character " + position + ")", "write " + name + " == " + value);
            }
            return new Condition(level, op, 1);
        }
        boolean categorical = names.stream().anyMatch(n -> n.startsWith(name + "="));
        throw new ForjaException(categorical ? "rule: column '" + name + "' has no level '" + value + "' in the training data (character " + position + ")"
                : "rule: no column '" + name + "' among the model's inputs (character " + position + ")",
                categorical ? "levels seen: " + String.join(", ", names.stream().filter(n -> n.startsWith(name + "=") && !n.endsWith("__"))
                        .map(n -> n.substring(name.length() + 1)).toList())
                        : "inputs: " + String.join(", ", names.stream().map(n -> n.contains("=") ? n.substring(0, n.indexOf('=')) : n).distinct().toList()));
    }

    private static int classIndex(Task task, String label) {
        int i = task.classes().indexOf(label);
        if (i < 0) {
            throw new ForjaException("rule outcome '" + label + "' is not a class of '" + task.target() + "'", "use one of " + task.classes());
        }
        return i;
    }

    private static double number(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ForjaException("rule outcome '" + v + "' is not a number, and the task is regression", "write e.g. -> 12.5");
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    static boolean matches(List<Condition> conditions, double[] x) {
        for (Condition c : conditions) {
            if (!c.holds(x[c.feature()])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) {
        List<Condition> conditions = new ArrayList<>();
        saved.path("conditions").forEach(c -> conditions.add(new Condition(c.path("feature").asInt(), c.path("op").asText(), c.path("value").asDouble())));
        return new Rule(conditions, doubles(saved.path("if_true")), doubles(saved.path("if_false")), saved.path("rule").asText());
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }

    static final class Rule implements Predictor {
        private final List<Condition> conditions;
        private final double[] yes;
        private final double[] no;
        private final String text;

        Rule(List<Condition> conditions, double[] yes, double[] no, String text) {
            this.conditions = List.copyOf(conditions);
            this.yes = yes;
            this.no = no;
            this.text = text;
        }

        @Override
        public int outputs() {
            return yes.length;
        }

        @Override
        public void predict(double[] features, double[] out) {
            System.arraycopy(matches(conditions, features) ? yes : no, 0, out, 0, yes.length);
        }

        @Override
        public ObjectNode save(Path dir) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("rule", text);
            var cs = n.putArray("conditions");
            for (Condition c : conditions) {
                ObjectNode o = cs.addObject();
                o.put("feature", c.feature());
                o.put("op", c.op());
                o.put("value", c.value());
            }
            var t = n.putArray("if_true");
            for (double d : yes) {
                t.add(d);
            }
            var f = n.putArray("if_false");
            for (double d : no) {
                f.add(d);
            }
            return n;
        }
    }
}
