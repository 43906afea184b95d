package dev.forja.learn.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import dev.forja.learn.learners.FeatureNeeds;
import java.util.Locale;

/**
 * How to build a feature pipeline. {@link #auto} derives it from what the learner needs (trees: no
 * scaling, ordinal codes, missing values kept; linear models and k-NN: median imputation, standard
 * scaling, one-hot); the {@code withX} methods apply a user's overrides with the CLI's words.
 *
 * @param impute     mean | median | most_frequent | constant:V | none
 * @param clip       none | iqr | quantile:LO,HI
 * @param scale      none | standard | minmax | robust
 * @param encode     onehot | ordinal | frequency | target
 * @param rareLevels one-hot: levels rarer than this share of training rows share one "other" column
 */
public record PipelineSpec(String impute, boolean missingIndicators, String clip, String scale, String encode, double rareLevels,
                           boolean datetime, int pca, boolean nonNegative) {
    public PipelineSpec {
        impute = check("impute", impute, "mean", "median", "most_frequent", "constant:", "none");
        clip = check("clip", clip, "none", "iqr", "quantile:");
        scale = check("scale", scale, "none", "standard", "minmax", "robust");
        encode = check("encode", encode, "onehot", "ordinal", "frequency", "target");
        if (!(rareLevels >= 0 && rareLevels < 0.5)) {
            throw new ForjaException("rare-level share " + rareLevels + " must be in [0, 0.5)", "use e.g. 0.01");
        }
        if (pca < 0) {
            throw new ForjaException("--pca " + pca + " must be 0 (off) or a number of components", "use e.g. --pca 10");
        }
        if (clip.startsWith("quantile:")) {
            double[] q = quantiles(clip);
            if (!(q[0] >= 0 && q[0] < q[1] && q[1] <= 1)) {
                throw new ForjaException("--clip " + clip + " needs 0 <= LO < HI <= 1", "write it as quantile:0.01,0.99");
            }
        }
        if (impute.startsWith("constant:")) {
            try {
                Double.parseDouble(impute.substring("constant:".length()));
            } catch (NumberFormatException e) {
                throw new ForjaException("--impute " + impute + " needs a number after constant:", "write it as constant:0");
            }
        }
    }

    private static String check(String what, String value, String... allowed) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.endsWith(":") ? v.startsWith(a) : v.equals(a)) {
                return v;
            }
        }
        throw new ForjaException("--" + what + " '" + value + "' is not one of " + String.join(", ", allowed).replace(":", ":V"),
                "use one of " + String.join(" | ", allowed).replace(":", ":V"));
    }

    static double[] quantiles(String clip) {
        String[] parts = clip.substring("quantile:".length()).split(",");
        try {
            return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
        } catch (RuntimeException e) {
            throw new ForjaException("--clip " + clip + " is not quantile:LO,HI", "write it as quantile:0.01,0.99");
        }
    }

    public static PipelineSpec auto(FeatureNeeds needs) {
        return new PipelineSpec(needs.missingValues() ? "none" : "median", false, "none", needs.scaling() ? "standard" : "none",
                needs.oneHot() ? "onehot" : "ordinal", 0.01, true, 0, needs.nonNegative());
    }

    public PipelineSpec withImpute(String how) {
        return new PipelineSpec(how, missingIndicators, clip, scale, encode, rareLevels, datetime, pca, nonNegative);
    }

    public PipelineSpec withMissingIndicators(boolean on) {
        return new PipelineSpec(impute, on, clip, scale, encode, rareLevels, datetime, pca, nonNegative);
    }

    public PipelineSpec withClip(String how) {
        return new PipelineSpec(impute, missingIndicators, how, scale, encode, rareLevels, datetime, pca, nonNegative);
    }

    public PipelineSpec withScale(String how) {
        return new PipelineSpec(impute, missingIndicators, clip, how, encode, rareLevels, datetime, pca, nonNegative);
    }

    public PipelineSpec withEncode(String how) {
        return new PipelineSpec(impute, missingIndicators, clip, scale, how, rareLevels, datetime, pca, nonNegative);
    }

    public PipelineSpec withRareLevels(double share) {
        return new PipelineSpec(impute, missingIndicators, clip, scale, encode, share, datetime, pca, nonNegative);
    }

    public PipelineSpec withDatetime(boolean expand) {
        return new PipelineSpec(impute, missingIndicators, clip, scale, encode, rareLevels, expand, pca, nonNegative);
    }

    public PipelineSpec withPca(int components) {
        return new PipelineSpec(impute, missingIndicators, clip, scale, encode, rareLevels, datetime, components, nonNegative);
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("impute", impute);
        n.put("missing_indicators", missingIndicators);
        n.put("clip", clip);
        n.put("scale", scale);
        n.put("encode", encode);
        n.put("rare_levels", rareLevels);
        n.put("datetime", datetime);
        n.put("pca", pca);
        n.put("non_negative", nonNegative);
        return n;
    }

    public static PipelineSpec fromJson(JsonNode n) {
        return new PipelineSpec(n.path("impute").asText(), n.path("missing_indicators").asBoolean(), n.path("clip").asText(),
                n.path("scale").asText(), n.path("encode").asText(), n.path("rare_levels").asDouble(), n.path("datetime").asBoolean(),
                n.path("pca").asInt(), n.path("non_negative").asBoolean());
    }
}
