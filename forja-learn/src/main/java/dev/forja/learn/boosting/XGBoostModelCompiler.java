package dev.forja.learn.boosting;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import dev.forja.learn.tree.eval.OutputTransform;
import dev.forja.learn.tree.eval.TreeEnsemble;
import dev.forja.learn.tree.eval.TreeEnsembleBuilder;
import java.io.IOException;

/**
 * Compiles an XGBoost model, as XGBoost writes it in JSON ({@code Booster.saveModel(out, "json")},
 * format of XGBoost 2.x/3.x), into a {@link TreeEnsemble} that predicts what XGBoost's own CPU
 * {@code predict} does.
 *
 * <h2>XGBoost's semantics, and how they are kept</h2>
 * <ul>
 *   <li><b>Features are compared in single precision.</b> XGBoost stores every feature value as a
 *       float and splits on {@code fvalue < split_condition} (a float). The evaluator reads doubles, so
 *       each float threshold {@code t} is replaced by the double {@code t'} with
 *       {@code x < t'  ⇔  (float) x < t} for every double {@code x} ({@link #thresholdAsDouble}):
 *       the same decisions, with no conversion per comparison.</li>
 *   <li><b>Missing values</b> (NaN) go to the node's default child ({@code default_left}).</li>
 *   <li><b>Sums are single precision</b>, starting from the base margin and adding trees in order, as
 *       XGBoost's CPU predictor does; the sigmoid and softmax are XGBoost's float versions.</li>
 *   <li><b>Base score.</b> {@code learner_model_param.base_score} is stored in output space (for
 *       {@code binary:logistic} a probability, written {@code "[3.94E-1]"} in 3.x, one value per class
 *       for {@code multi:softprob}); the margin it adds is the objective's link applied in float:
 *       {@code -log(1/b - 1)} for logistic objectives, {@code log(b)} for the log-link ones, {@code b}
 *       itself otherwise (regression and softmax).</li>
 *   <li><b>Trees per output.</b> {@code tree_info[t]} is the class (margin) tree {@code t} adds to;
 *       {@code iteration_indptr} gives the trees of each boosting round, so a model can be cut to
 *       its best iteration.</li>
 * </ul>
 * Supported: the {@code gbtree} booster with numerical splits and one output per tree; objectives
 * {@code reg:squarederror}, {@code reg:linear}, {@code reg:absoluteerror}, {@code reg:pseudohubererror},
 * {@code reg:squaredlogerror}, {@code binary:logistic}, {@code reg:logistic}, {@code multi:softprob},
 * {@code multi:softmax} (compiled to its class probabilities), {@code count:poisson},
 * {@code reg:gamma} and {@code reg:tweedie}. Anything else fails clearly rather than mispredicting.
 */
public final class XGBoostModelCompiler {
    /** Keeps JSON numbers as written, so float fields parse straight to the float XGBoost wrote. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private XGBoostModelCompiler() {
    }

    /** Parses XGBoost's JSON model bytes. */
    public static JsonNode parse(byte[] json) throws IOException {
        return JSON.readTree(json);
    }

    /** Compiles every tree of the model. */
    public static TreeEnsemble compile(JsonNode model) {
        return compile(model, 0);
    }

    /**
     * Compiles the trees of the first {@code iterations} boosting rounds ({@code 0} = all), as
     * XGBoost's {@code predict} with {@code iteration_range = (0, iterations)} would use.
     */
    public static TreeEnsemble compile(JsonNode model, int iterations) {
        JsonNode learner = model.path("learner");
        JsonNode booster = learner.path("gradient_booster");
        String boosterName = booster.path("name").asText();
        if (!boosterName.equals("gbtree")) {
            throw unsupported("the " + boosterName + " booster", "train with booster=gbtree");
        }
        JsonNode param = learner.path("learner_model_param");
        int features = param.path("num_feature").asInt(-1);
        int classes = param.path("num_class").asInt(0);
        int targets = param.path("num_target").asInt(1);
        int margins = Math.max(1, Math.max(classes, targets));
        String objective = learner.path("objective").path("name").asText();
        Link link = Link.of(objective);
        OutputTransform transform = link.transform(margins);
        if (!transform.accepts(margins) || features < 0) {
            throw unsupported("objective " + objective + " with " + margins + " outputs", null);
        }
        float[] baseScore = floats(param.path("base_score").asText(), "base_score");
        if (baseScore.length != 1 && baseScore.length != margins) {
            throw unsupported("a base_score of " + baseScore.length + " values for " + margins + " outputs", null);
        }
        double[] base = new double[margins];
        for (int k = 0; k < margins; k++) {
            base[k] = link.margin(baseScore[baseScore.length == 1 ? 0 : k]);
        }

        JsonNode gbtree = booster.path("model");
        JsonNode trees = gbtree.path("trees");
        JsonNode treeInfo = gbtree.path("tree_info");
        int keep = treesOfIterations(gbtree, iterations, margins);
        TreeEnsembleBuilder b = new TreeEnsembleBuilder(features, margins, 1, transform, base, 1.0, true);
        for (int t = 0; t < keep; t++) {
            addTree(b, trees.get(t), treeInfo.get(t).asInt(), t);
        }
        return b.build();
    }

    /** How many trees the first {@code iterations} rounds hold (all trees when {@code iterations} is 0). */
    static int treesOfIterations(JsonNode gbtree, int iterations, int margins) {
        int total = gbtree.path("trees").size();
        if (gbtree.path("tree_info").size() != total) {
            throw unsupported("a model whose tree_info does not list every tree", null);
        }
        if (iterations <= 0) {
            return total;
        }
        JsonNode indptr = gbtree.path("iteration_indptr");
        int keep;
        if (indptr.isArray() && indptr.size() > 0) {
            if (iterations >= indptr.size()) {
                throw new IllegalArgumentException("model has " + (indptr.size() - 1) + " iterations, not " + iterations);
            }
            keep = indptr.get(iterations).asInt();
        } else {
            // Models from before iteration_indptr: one tree per output per round, num_parallel_tree each.
            int parallel = Math.max(1, gbtree.path("gbtree_model_param").path("num_parallel_tree").asInt(1));
            keep = iterations * margins * parallel;
        }
        if (keep > total) {
            throw new IllegalArgumentException("model has " + total + " trees, fewer than " + iterations + " iterations need");
        }
        return keep;
    }

    private static void addTree(TreeEnsembleBuilder b, JsonNode tree, int group, int t) {
        JsonNode tp = tree.path("tree_param");
        if (tp.path("size_leaf_vector").asInt(1) > 1) {
            throw unsupported("multi-output trees (tree " + t + ")", "train with multi_strategy=one_output_per_tree");
        }
        JsonNode splitType = tree.path("split_type");
        for (JsonNode s : splitType) {
            if (s.asInt() != 0) {
                throw unsupported("categorical splits (tree " + t + ")", "encode categories as numbers before XGBoost sees them");
            }
        }
        int[] left = ints(tree.path("left_children"));
        int n = left.length;
        int[] right = ints(tree.path("right_children"));
        int[] feature = ints(tree.path("split_indices"));
        JsonNode cond = tree.path("split_conditions");
        JsonNode defaults = tree.path("default_left");
        JsonNode hess = tree.path("sum_hessian");
        if (right.length != n || feature.length != n || cond.size() != n || defaults.size() != n) {
            throw new IllegalArgumentException("tree " + t + " has arrays of different lengths");
        }
        double[] threshold = new double[n];
        double[] leaf = new double[n];
        double[] cover = new double[n];
        boolean[] defaultLeft = new boolean[n];
        for (int i = 0; i < n; i++) {
            float c = Float.parseFloat(cond.get(i).asText());
            if (left[i] < 0) {
                leaf[i] = c;
            } else {
                threshold[i] = thresholdAsDouble(c);
            }
            JsonNode d = defaults.get(i);
            defaultLeft[i] = d.isBoolean() ? d.asBoolean() : d.asInt() != 0;
            cover[i] = hess.size() == n ? Float.parseFloat(hess.get(i).asText()) : 0.0;
        }
        try {
            b.addTree(group, left, right, feature, threshold, defaultLeft, leaf, cover);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("XGBoost tree " + t + ": " + e.getMessage(), e);
        }
    }

    /**
     * The double threshold that makes {@code x < result} decide exactly as XGBoost's
     * {@code (float) x < t} for every double {@code x}.
     *
     * <p>{@code (float) x < t} holds when {@code x} rounds to a float at most {@code p}, the float
     * just below {@code t}. Doubles below the midpoint {@code m = (p + t) / 2} (exact in double) round to
     * {@code p} or lower; doubles above it round to {@code t} or higher; {@code m} itself rounds to
     * whichever of {@code p} and {@code t} has an even significand (round half to even). So the answer is
     * {@code m}, or the next double after {@code m} when {@code p} is even.
     */
    public static double thresholdAsDouble(float t) {
        if (Float.isNaN(t) || Float.isInfinite(t)) {
            return t;
        }
        float p = Math.nextDown(t);
        if (Float.isInfinite(p)) {
            return t;
        }
        double m = ((double) p + (double) t) / 2.0;
        boolean pEven = (Float.floatToRawIntBits(p) & 1) == 0;
        return pEven ? Math.nextUp(m) : m;
    }

    /**
     * A copy of the model holding only the trees of its first {@code iterations} rounds, which
     * XGBoost loads and predicts from as the cut model (what its own slicing produces).
     */
    public static ObjectNode slice(JsonNode model, int iterations) {
        ObjectNode copy = model.deepCopy();
        ObjectNode gbtree = (ObjectNode) copy.path("learner").path("gradient_booster").path("model");
        JsonNode param = copy.path("learner").path("learner_model_param");
        int margins = Math.max(1, Math.max(param.path("num_class").asInt(0), param.path("num_target").asInt(1)));
        int keep = treesOfIterations(gbtree, iterations, margins);
        ArrayNode trees = (ArrayNode) gbtree.path("trees");
        ArrayNode info = (ArrayNode) gbtree.path("tree_info");
        while (trees.size() > keep) {
            trees.remove(trees.size() - 1);
            info.remove(info.size() - 1);
        }
        JsonNode indptr = gbtree.path("iteration_indptr");
        if (indptr.isArray()) {
            ArrayNode ip = (ArrayNode) indptr;
            while (ip.size() > iterations + 1) {
                ip.remove(ip.size() - 1);
            }
        }
        ((ObjectNode) gbtree.path("gbtree_model_param")).put("num_trees", Integer.toString(keep));
        keepFloatsFloats(copy);
        return copy;
    }

    /**
     * XGBoost's JSON reader types numbers by their syntax and refuses an integer where a float belongs;
     * a float read as {@code 1E0} would be written back as {@code 1}. Giving such values one decimal
     * place ({@code 1.0}) keeps them floats without changing their value.
     */
    private static void keepFloatsFloats(JsonNode node) {
        if (node instanceof ObjectNode o) {
            var it = o.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getValue().isBigDecimal()) {
                    e.setValue(floatSyntax(e.getValue()));
                } else {
                    keepFloatsFloats(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isBigDecimal()) {
                    a.set(i, floatSyntax(a.get(i)));
                } else {
                    keepFloatsFloats(a.get(i));
                }
            }
        }
    }

    private static JsonNode floatSyntax(JsonNode n) {
        java.math.BigDecimal d = n.decimalValue();
        String s = d.toString();
        return s.indexOf('.') >= 0 || s.indexOf('E') >= 0 ? n : DecimalNode.valueOf(d.setScale(1));
    }

    private static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    /** Parses XGBoost's float lists: {@code "[3.94E-1]"}, {@code "[1E0,2E0]"} (3.x) or {@code "5E-1"} (older). */
    static float[] floats(String text, String what) {
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isBlank()) {
            throw new IllegalArgumentException("XGBoost model has an empty " + what);
        }
        String[] parts = s.split(",");
        float[] v = new float[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.parseFloat(parts[i].trim());
        }
        return v;
    }

    private static ForjaException unsupported(String what, String hint) {
        return new ForjaException("the tree evaluator does not support XGBoost models with " + what,
                hint != null ? hint : "use one of the objectives listed in the XGBoost learner's documentation");
    }

    /** The objective's link: how base_score maps to a margin, and margins to outputs. */
    enum Link {
        IDENTITY, LOGIT, LOG, SOFTMAX;

        static Link of(String objective) {
            return switch (objective) {
                case "reg:squarederror", "reg:linear", "reg:absoluteerror", "reg:pseudohubererror", "reg:squaredlogerror" -> IDENTITY;
                case "binary:logistic", "reg:logistic" -> LOGIT;
                case "count:poisson", "reg:gamma", "reg:tweedie" -> LOG;
                case "multi:softprob", "multi:softmax" -> SOFTMAX;
                default -> throw unsupported("objective '" + objective + "'", null);
            };
        }

        OutputTransform transform(int margins) {
            return switch (this) {
                case IDENTITY -> OutputTransform.IDENTITY;
                case LOGIT -> OutputTransform.SIGMOID;
                case LOG -> OutputTransform.EXP;
                case SOFTMAX -> OutputTransform.SOFTMAX;
            };
        }

        /** XGBoost's {@code ProbToMargin}, in float like XGBoost. */
        double margin(float b) {
            return switch (this) {
                case IDENTITY, SOFTMAX -> b;
                case LOGIT -> -(float) Math.log(1.0f / b - 1.0f);
                case LOG -> (float) Math.log(b);
            };
        }
    }
}
