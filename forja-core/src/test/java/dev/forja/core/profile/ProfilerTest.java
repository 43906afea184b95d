package dev.forja.core.profile;

import static dev.forja.core.profile.Columns.NA;
import static dev.forja.core.profile.Columns.cat;
import static dev.forja.core.profile.Columns.num;
import static dev.forja.core.profile.Columns.range;
import static dev.forja.core.profile.Columns.text;
import static dev.forja.core.profile.Columns.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.fingerprint.Fingerprint;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.DataFormat;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.ingest.ReadReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProfilerTest {

    private static DataProfile profile(String target, Column... columns) {
        return Profiler.profile(Frame.of(columns), "test.csv", null, target, ProgressListener.NONE);
    }

    // ------------------------------------------------------------------ target choice

    @Test
    void anUnknownTargetNamesTheSourceAndTheColumns() {
        assertThatThrownBy(() -> profile("Survivd", num("Survived", 0, 1), cat("Sex", "m", "f")))
                .isInstanceOf(ForjaException.class)
                .hasMessage("no column 'Survivd' in test.csv")
                .satisfies(e -> assertThat(((ForjaException) e).hint()).isEqualTo("columns are: Survived, Sex"));
    }

    @Test
    void aTextTargetIsRefused() {
        assertThatThrownBy(() -> profile("review", text("review", "good film", "bad film")))
                .isInstanceOf(ForjaException.class)
                .hasMessageContaining("'review' is text and cannot be a target");
    }

    @Test
    void aCategoricalTargetIsClassificationWithClassesInLevelOrder() {
        DataProfile p = profile("y", cat("y", "no", "yes", "no", null, "no"), num("x", 1, 2, 3, 4, 5));
        TargetProfile t = p.target();
        assertThat(t.task()).isEqualTo(TargetProfile.Task.CLASSIFICATION);
        assertThat(t.missing()).isEqualTo(1);
        assertThat(t.classes()).containsExactly(new TargetProfile.ClassCount("no", 3, 0.75),
                new TargetProfile.ClassCount("yes", 1, 0.25));
    }

    @Test
    void aNumericTargetOfTwentyWholeNumbersIsClassification() {
        double[] y = new double[40];
        for (int i = 0; i < y.length; i++) {
            y[i] = 19 - i % 20;
        }
        DataProfile p = profile("y", num("y", y), num("x", range(0, 40)));
        assertThat(p.target().task()).isEqualTo(TargetProfile.Task.CLASSIFICATION);
        assertThat(p.target().classes()).hasSize(20);
        assertThat(p.target().classes().get(0).label()).isEqualTo("0"); // ascending, whatever the row order
    }

    @Test
    void aNumericTargetOfTwentyOneWholeNumbersIsRegression() {
        double[] y = new double[42];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 21;
        }
        DataProfile p = profile("y", num("y", y), num("x", range(0, 42)));
        assertThat(p.target().task()).isEqualTo(TargetProfile.Task.REGRESSION);
        assertThat(p.target().summary().mean()).isEqualTo(10);
    }

    @Test
    void aNumericTargetWithFractionsIsRegression() {
        DataProfile p = profile("y", num("y", 0, 1, 0.5, 1), num("x", 1, 2, 3, 4));
        assertThat(p.target().task()).isEqualTo(TargetProfile.Task.REGRESSION);
        assertThat(p.target().classes()).isEmpty();
    }

    // ------------------------------------------------------------------ associations

    @Test
    void eachKindOfColumnGetsItsMeasureAgainstAClassTarget() {
        DataProfile p = profile("y", cat("y", "a", "a", "b", "b"), num("n", 1, 1, 5, 5), cat("c", "u", "u", "v", "v"),
                text("t", "x", "xx", "xxxxx", "xxxxx"), time("d", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z",
                        "2021-01-01T00:00:00Z", "2021-01-01T00:00:00Z"));
        assertThat(p.association("n").measure()).isEqualTo(Association.Measure.CORRELATION_RATIO);
        assertThat(p.association("c").measure()).isEqualTo(Association.Measure.CRAMERS_V);
        assertThat(p.association("t").via()).isEqualTo("length");
        assertThat(p.association("t").measure()).isEqualTo(Association.Measure.CORRELATION_RATIO);
        assertThat(p.association("d").via()).isEqualTo("time");
        assertThat(p.association("n").value()).isEqualTo(1);
        assertThat(p.association("c").value()).isCloseTo(1, within(1e-12));
        assertThat(p.association("y")).isNull();
        assertThat(p.associations()).allSatisfy(a -> assertThat(a.powerMetric()).isEqualTo(Association.PowerMetric.BALANCED_ACCURACY));
    }

    @Test
    void numericAndCategoricalColumnsGetPearsonAndEtaAgainstANumericTarget() {
        double[] y = range(0, 30);
        double[] x = new double[30];
        String[] c = new String[30];
        for (int i = 0; i < 30; i++) {
            x[i] = 2 * y[i] + 1;
            c[i] = i < 15 ? "low" : "high";
        }
        DataProfile p = profile("y", num("y", y), num("x", x), cat("c", c));
        assertThat(p.association("x").measure()).isEqualTo(Association.Measure.PEARSON);
        assertThat(p.association("x").value()).isCloseTo(1, within(1e-12));
        assertThat(p.association("c").measure()).isEqualTo(Association.Measure.CORRELATION_RATIO);
        // Two halves of 0..29: between-group share of variance = 15 * 7.5^2 * 2 / (sum of (i - 14.5)^2) = 1687.5 / 2247.5.
        assertThat(p.association("c").value()).isCloseTo(Math.sqrt(1687.5 / 2247.5), within(1e-12));
        assertThat(p.association("c").powerMetric()).isEqualTo(Association.PowerMetric.R2);
    }

    @Test
    void associationsAreRankedByPredictivePower() {
        double[] y = range(0, 200);
        double[] strong = y.clone();
        double[] weak = new double[200];
        for (int i = 0; i < 200; i++) {
            weak[i] = i % 10;
        }
        DataProfile p = profile("y", num("weak", weak), num("y", y), num("strong", strong));
        assertThat(p.associations()).extracting(Association::column).containsExactly("strong", "weak");
    }

    @Test
    void withoutATargetThereAreNoAssociations() {
        DataProfile p = profile(null, num("x", 1, 2), cat("c", "a", "b"));
        assertThat(p.target()).isNull();
        assertThat(p.associations()).isEmpty();
    }

    // ------------------------------------------------------------------ column statistics

    @Test
    void numericColumnStatistics() {
        NumericProfile n = (NumericProfile) profile(null, num("x", 4, NA, 0, 2, 2, 0, 2)).columns().get(0);
        assertThat(n.rows()).isEqualTo(7);
        assertThat(n.missing()).isEqualTo(1);
        assertThat(n.distinct()).isEqualTo(3); // missing excluded
        assertThat(n.zeros()).isEqualTo(2);
        assertThat(n.summary().mean()).isCloseTo(10.0 / 6, within(1e-15));
        // Ties: 0 and 2... counts 2 and 3: 2 first; equal counts go smaller value first.
        assertThat(n.top()).containsExactly(new NumberCount(2, 3), new NumberCount(0, 2), new NumberCount(4, 1));
    }

    @Test
    void numericTopValuesTieSmallerValueFirst() {
        NumericProfile n = (NumericProfile) profile(null, num("x", 9, 3, 5, 3, 9, 5)).columns().get(0);
        assertThat(n.top()).extracting(NumberCount::value).containsExactly(3.0, 5.0, 9.0);
    }

    @Test
    void categoricalTopLevelsTieInLevelOrderAndUnusedLevelsDoNotCount() {
        CategoricalColumn.Builder b = new CategoricalColumn.Builder();
        b.declare("never");
        for (String s : new String[] {"b", "a", "b", "a", "c", null}) {
            b.add(s);
        }
        CategoricalProfile c = (CategoricalProfile) profile(null, b.build("c")).columns().get(0);
        assertThat(c.distinct()).isEqualTo(3);
        assertThat(c.missing()).isEqualTo(1);
        assertThat(c.top()).containsExactly(new ValueCount("b", 2), new ValueCount("a", 2), new ValueCount("c", 1));
    }

    @Test
    void textLengthsCountCharactersNotUtf16Units() {
        // "naïve 🙂" is 7 code points (the emoji is two UTF-16 units) and 2 words.
        TextProfile t = (TextProfile) profile(null, text("t", "naïve 🙂", null, "a  b c")).columns().get(0);
        assertThat(t.length().min()).isEqualTo(6);
        assertThat(t.length().max()).isEqualTo(7);
        assertThat(t.words().mean()).isEqualTo(2.5);
        assertThat(t.missing()).isEqualTo(1);
    }

    @Test
    void textTopValuesAndTokensTieByFirstAppearance() {
        TextProfile t = (TextProfile) profile(null, text("t", "Free entry NOW", "call me", "free call", "call me")).columns().get(0);
        assertThat(t.top()).containsExactly(new ValueCount("call me", 2), new ValueCount("Free entry NOW", 1),
                new ValueCount("free call", 1));
        assertThat(t.topTokens()).containsExactly(new ValueCount("call", 3), new ValueCount("free", 2),
                new ValueCount("me", 2), new ValueCount("entry", 1), new ValueCount("now", 1));
        assertThat(t.distinct()).isEqualTo(3);
    }

    @Test
    void datetimeColumnStatistics() {
        DatetimeProfile d = (DatetimeProfile) profile(null, time("d", "2011-01-03T00:00:00Z", null,
                "2011-01-01T00:00:00Z", "2011-01-02T00:00:00Z", "2011-01-01T00:00:00Z")).columns().get(0);
        assertThat(d.missing()).isEqualTo(1);
        assertThat(d.distinct()).isEqualTo(3);
        assertThat(d.min()).isEqualTo(java.time.Instant.parse("2011-01-01T00:00:00Z").toEpochMilli());
        assertThat(d.max()).isEqualTo(java.time.Instant.parse("2011-01-03T00:00:00Z").toEpochMilli());
        assertThat(d.top().get(0)).isEqualTo(new ValueCount("2011-01-01T00:00:00Z", 2));
        assertThat(java.util.Arrays.stream(d.histogram().counts()).sum()).isEqualTo(4);
    }

    @Test
    void anEmptyFrameProfilesWithoutFailing() {
        DataProfile p = profile(null, num("x"), cat("c"));
        assertThat(p.rows()).isZero();
        assertThat(p.columns()).hasSize(2);
        assertThat(p.toJson().get("columns").get(0).get("mean").isNull()).isTrue();
    }

    // ------------------------------------------------------------------ progress, dataset

    @Test
    void progressCountsEveryColumnAndEndsAtTheTotal() {
        List<long[]> updates = new CopyOnWriteArrayList<>();
        List<String> stages = new CopyOnWriteArrayList<>();
        Profiler.profile(Frame.of(num("a", 1, 2), num("b", 3, 4), cat("c", "x", "y")), "test.csv", null, null,
                (stage, done, total) -> {
                    stages.add(stage);
                    updates.add(new long[] {done, total});
                });
        // Three columns and the duplicate count, plus the opening update at 0.
        assertThat(updates).hasSize(5);
        assertThat(updates.get(0)).containsExactly(0, 4);
        assertThat(updates.get(updates.size() - 1)).containsExactly(4, 4);
        assertThat(stages).containsOnly("profiling test.csv");
    }

    @Test
    void aDatasetBringsItsSourceAndFingerprint() {
        Frame f = Frame.of(num("x", 1, 2, 3));
        Dataset d = new Dataset("data/x.csv", DataFormat.CSV, f, new ReadReport.Builder().build());
        DataProfile p = Profiler.profile(d, null, ProgressListener.NONE);
        assertThat(p.source()).isEqualTo("data/x.csv");
        assertThat(p.fingerprint()).isEqualTo(Fingerprint.of(f)).startsWith("sha256:");
    }

    // ------------------------------------------------------------------ JSON

    @Test
    void jsonHasTheDocumentedShape() {
        DataProfile p = Profiler.profile(Frame.of(num("age", 22, 38, NA, 35), cat("sex", "m", "f", "f", null),
                        text("name", "Braund, Mr. Owen", "Cumings, Mrs. John", "Heikkinen, Miss. Laina", "Allen, Mr. William"),
                        time("when", "2020-01-01T00:00:00Z", null, "2020-01-03T00:00:00Z", "2020-01-02T12:00:00Z"),
                        cat("survived", "no", "yes", "yes", "no")),
                "titanic.csv", "sha256:abc", "survived", ProgressListener.NONE);
        ObjectNode json = p.toJson();
        assertThat(fieldNames(json)).containsSubsequence("source", "fingerprint", "rows", "columns", "target", "associations", "warnings");
        assertThat(json.get("source").asText()).isEqualTo("titanic.csv");
        assertThat(json.get("rows").asLong()).isEqualTo(4);
        assertThat(json.has("report")).isFalse();

        JsonNode age = json.get("columns").get(0);
        assertThat(fieldNames(age)).contains("name", "kind", "missing", "missing_rate", "distinct", "min", "max", "mean", "std",
                "quantiles", "top", "histogram");
        assertThat(age.get("kind").asText()).isEqualTo("numeric");
        assertThat(age.get("missing").asLong()).isEqualTo(1);
        assertThat(age.get("missing_rate").asDouble()).isEqualTo(0.25);
        assertThat(age.get("min").asDouble()).isEqualTo(22);
        assertThat(age.get("mean").asDouble()).isCloseTo(95.0 / 3, within(1e-12));
        assertThat(fieldNames(age.get("quantiles"))).containsExactly("0.05", "0.25", "0.5", "0.75", "0.95");
        assertThat(age.get("quantiles").get("0.5").asDouble()).isEqualTo(35);
        assertThat(age.get("top").get(0).get("value").isNumber()).isTrue();
        assertThat(age.get("histogram").get("edges").size()).isEqualTo(age.get("histogram").get("counts").size() + 1);

        JsonNode sex = json.get("columns").get(1);
        assertThat(sex.get("kind").asText()).isEqualTo("categorical");
        assertThat(sex.get("mean").isNull()).isTrue();
        assertThat(sex.get("quantiles").isNull()).isTrue();
        assertThat(sex.get("top").get(0).get("value").asText()).isEqualTo("f");
        assertThat(sex.get("top").get(0).get("count").asLong()).isEqualTo(2);

        JsonNode name = json.get("columns").get(2);
        assertThat(name.get("kind").asText()).isEqualTo("text");
        assertThat(name.get("length").get("max").asDouble()).isEqualTo(22);
        assertThat(name.get("top_tokens").get(0).get("value").asText()).isEqualTo("mr");

        JsonNode when = json.get("columns").get(3);
        assertThat(when.get("kind").asText()).isEqualTo("datetime");
        assertThat(when.get("min").asText()).isEqualTo("2020-01-01T00:00:00Z");
        assertThat(when.get("max").asText()).isEqualTo("2020-01-03T00:00:00Z");
        assertThat(when.get("quantiles").get("0.5").asText()).isEqualTo("2020-01-02T12:00:00Z");
        assertThat(when.get("histogram").get("edges").get(0).asText()).isEqualTo("2020-01-01T00:00:00Z");

        JsonNode target = json.get("target");
        assertThat(target.get("name").asText()).isEqualTo("survived");
        assertThat(target.get("kind").asText()).isEqualTo("categorical");
        assertThat(target.get("task").asText()).isEqualTo("classification");
        assertThat(target.get("distribution").get("no").asLong()).isEqualTo(2);
        assertThat(target.get("distribution").get("yes").asLong()).isEqualTo(2);

        assertThat(json.get("associations")).hasSize(4);
        JsonNode assoc = json.get("associations").get(0);
        assertThat(fieldNames(assoc)).contains("column", "kind", "measure", "value", "pps", "pps_metric");

        for (JsonNode w : json.get("warnings")) {
            assertThat(fieldNames(w)).contains("column", "kind", "message");
        }
        assertThat(json.toString()).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void statisticsThatDoNotExistAreJsonNullNeverNaN() {
        DataProfile p = profile(null, num("one", 5, NA, NA), num("inf", 1, Double.POSITIVE_INFINITY, NA));
        ObjectNode json = p.toJson();
        assertThat(json.get("columns").get(0).get("std").isNull()).isTrue();
        assertThat(json.get("columns").get(1).get("max").isNull()).isTrue();
        assertThat(json.get("columns").get(1).get("mean").isNull()).isTrue();
        assertThat(json.toString()).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void wholeNumbersAreWrittenAsIntegers() {
        ObjectNode json = profile(null, num("x", 1, 2, 3)).toJson();
        assertThat(json.get("columns").get(0).get("max").isIntegralNumber()).isTrue();
        assertThat(json.get("columns").get(0).get("std").isIntegralNumber()).isTrue(); // std of 1, 2, 3 is exactly 1
    }

    @Test
    void warningKindsInJsonAreTheStableIds() {
        ObjectNode json = profile(null, num("x", 3, 3, 3)).toJson();
        assertThat(json.get("warnings").get(0).get("kind").asText()).isEqualTo("constant");
        assertThat(json.get("warnings").get(0).get("column").asText()).isEqualTo("x");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            names.add(e.getKey());
        }
        return names;
    }

    @Test
    void columnKindsInJsonAreTheKindIds() {
        assertThat(ColumnKind.NUMERIC.id()).isEqualTo("numeric");
        ObjectNode json = profile(null, cat("c", "a", "b")).toJson();
        assertThat(json.get("columns").get(0).get("kind").asText()).isEqualTo("categorical");
    }
}
