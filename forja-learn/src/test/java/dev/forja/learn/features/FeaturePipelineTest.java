package dev.forja.learn.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.core.ForjaException;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.frame.TextColumn;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.learners.FeatureNeeds;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FeaturePipelineTest {
    private static final Task BINARY = new Task(TaskKind.BINARY, "y", List.of("0", "1"), "1", "auc", null);
    private static final Task MULTI = new Task(TaskKind.MULTICLASS, "y", List.of("a", "b", "c"), null, "log_loss", null);

    /** A seeded frame with every kind, missing values everywhere, and levels the training part never sees. */
    static Frame randomFrame(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        CategoricalColumn.Builder colour = new CategoricalColumn.Builder();
        CategoricalColumn.Builder city = new CategoricalColumn.Builder();
        DatetimeColumn.Builder when = new DatetimeColumn.Builder();
        TextColumn.Builder note = new TextColumn.Builder();
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextInt(10) == 0 ? Double.NaN : r.nextGaussian() * 10 + 3;
            x2[i] = r.nextInt(5) == 0 ? Double.NaN : Math.exp(r.nextGaussian());
            colour.add(r.nextInt(8) == 0 ? null : new String[] {"red", "green", "blue", "rare"}[r.nextInt(100) < 2 ? 3 : r.nextInt(3)]);
            city.add(i > n * 0.8 && r.nextBoolean() ? "new-city-" + i : "city" + r.nextInt(12));
            if (r.nextInt(10) == 0) {
                when.addMissing();
            } else {
                when.add(r.nextLong(0, 2_000_000_000_000L));
            }
            note.add("words " + i);
        }
        return Frame.of(NumericColumn.of("x1", x1), NumericColumn.of("x2", x2), colour.build("colour"), city.build("city"),
                when.build("when"), note.build("note"));
    }

    static double[] labels(int n, long seed, int classes) {
        SplittableRandom r = new SplittableRandom(seed + 1);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return y;
    }

    static Stream<PipelineSpec> specs() {
        PipelineSpec trees = PipelineSpec.auto(FeatureNeeds.TREES);
        PipelineSpec linear = PipelineSpec.auto(FeatureNeeds.LINEAR);
        return Stream.of(trees, linear, linear.withMissingIndicators(true).withClip("iqr").withScale("robust"),
                linear.withImpute("mean").withScale("minmax").withClip("quantile:0.05,0.95"), linear.withEncode("frequency"),
                linear.withEncode("target"), trees.withEncode("target"), linear.withImpute("most_frequent").withPca(3),
                linear.withImpute("constant:-1").withEncode("ordinal"), linear.withRareLevels(0.1));
    }

    private static final List<String> INPUTS = List.of("x1", "x2", "colour", "city", "when", "note");

    @ParameterizedTest
    @MethodSource("specs")
    void wholeFrameAndOneRowPathsGiveIdenticalNumbers(PipelineSpec spec) {
        Frame all = randomFrame(600, 3);
        Frame train = all.head(400);
        for (Task task : List.of(BINARY, MULTI)) {
            FeaturePipeline p = FeaturePipeline.fit(train, labels(400, 3, task.classes().size()), task, INPUTS, spec, 11).pipeline();
            FeatureMatrix batch = p.transform(all);
            InputRow row = p.newRow();
            double[] one = new double[p.width()];
            for (int r = 0; r < all.rowCount(); r++) {
                row.fill(all, r);
                p.transformRow(row, one);
                for (int j = 0; j < one.length; j++) {
                    assertThat(Double.doubleToRawLongBits(one[j])).as("row %d feature %s", r, p.featureNames().get(j))
                            .isEqualTo(Double.doubleToRawLongBits(batch.get(r, j)));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void aPipelineReadBackFromJsonTransformsIdentically(PipelineSpec spec) throws IOException {
        Frame all = randomFrame(300, 5);
        FeaturePipeline p = FeaturePipeline.fit(all.head(200), labels(200, 5, 2), BINARY, INPUTS, spec, 1).pipeline();
        ObjectMapper json = new ObjectMapper();
        FeaturePipeline back = FeaturePipeline.fromJson(json.readTree(json.writeValueAsString(p.toJson())));
        assertThat(back.featureNames()).isEqualTo(p.featureNames());
        assertThat(back.transform(all).values()).containsExactly(p.transform(all).values());
    }

    @Test
    void imputationAndScalingNeedNoMissingValuesDownstream() {
        Frame all = randomFrame(300, 8);
        FeaturePipeline p = FeaturePipeline.fit(all.head(200), labels(200, 8, 2), BINARY, INPUTS, PipelineSpec.auto(FeatureNeeds.LINEAR), 1).pipeline();
        assertThat(p.transform(all).values()).doesNotContain(Double.NaN);
    }

    @Test
    void textColumnsAreLeftOutWithANote() {
        Frame all = randomFrame(100, 1);
        FeaturePipeline.Fitted f = FeaturePipeline.fit(all, labels(100, 1, 2), BINARY, INPUTS, PipelineSpec.auto(FeatureNeeds.TREES), 1);
        assertThat(f.pipeline().inputColumns()).doesNotContain("note");
        assertThat(f.notes()).singleElement().asString().contains("text column 'note' is not used");
    }

    @Test
    void unseenLevelsGoToTheUnseenSlotAndAreCounted() {
        Frame all = randomFrame(500, 2);
        FeaturePipeline p = FeaturePipeline.fit(all.head(300), labels(300, 2, 2), BINARY, INPUTS, PipelineSpec.auto(FeatureNeeds.LINEAR), 1).pipeline();
        long newCities = IntStream.range(0, 500).filter(r -> all.categorical("city").get(r).startsWith("new-city")).count();
        FeatureMatrix x = p.transform(all);
        int slot = p.featureNames().indexOf("city=__unseen__");
        assertThat(slot).isNotNegative();
        assertThat(IntStream.range(0, 500).filter(r -> x.get(r, slot) == 1.0).count()).isEqualTo(newCities);
        assertThat(p.unseen()).containsEntry("city", newCities);
    }

    @Test
    void targetEncodingOfTrainingRowsIsOutOfFold() {
        // a level that appears once: in-sample encoding would leak its own label; out-of-fold gives the prior of the other folds
        CategoricalColumn.Builder b = new CategoricalColumn.Builder();
        double[] y = new double[200];
        for (int i = 0; i < 200; i++) {
            b.add(i == 0 ? "unique" : "common");
            y[i] = i == 0 ? 1 : (i % 4 == 0 ? 1 : 0);
        }
        Frame f = Frame.of(b.build("g"));
        FeaturePipeline.Fitted fit = FeaturePipeline.fit(f, y, BINARY, List.of("g"), PipelineSpec.auto(FeatureNeeds.TREES).withEncode("target"), 3);
        // 50 positives in 200 rows (row 0 and every fourth row): prior 0.25; one row of "unique", positive
        double inSample = (1 + 10 * 0.25) / (1 + 10);
        assertThat(fit.training().get(0, 0)).isNotEqualTo(inSample).isLessThan(0.3);
        InputRow row = fit.pipeline().newRow();
        row.setCategory(0, "unique");
        double[] out = new double[1];
        fit.pipeline().transformRow(row, out);
        assertThat(out[0]).as("applied to new data: the full-data smoothed mean").isCloseTo(inSample, within(1e-12));
    }

    @Test
    void datetimesExpandToCalendarParts() {
        DatetimeColumn.Builder d = new DatetimeColumn.Builder();
        d.add(java.time.Instant.parse("2024-02-29T13:45:00Z").toEpochMilli());
        d.add(java.time.Instant.parse("1969-12-31T23:00:00Z").toEpochMilli());
        Frame f = Frame.of(d.build("t"));
        FeaturePipeline p = FeaturePipeline.fit(f, new double[] {0, 1}, BINARY, List.of("t"), PipelineSpec.auto(FeatureNeeds.TREES), 1).pipeline();
        assertThat(p.featureNames()).containsExactly("t__year", "t__month", "t__day", "t__day_of_week", "t__hour");
        FeatureMatrix x = p.transform(f);
        assertThat(new double[] {x.get(0, 0), x.get(0, 1), x.get(0, 2), x.get(0, 3), x.get(0, 4)}).containsExactly(2024, 2, 29, 4, 13);
        assertThat(new double[] {x.get(1, 0), x.get(1, 1), x.get(1, 2), x.get(1, 3), x.get(1, 4)}).containsExactly(1969, 12, 31, 3, 23);
    }

    @Test
    void negativeValuesAreRefusedWhenTheLearnerNeedsCounts() {
        Frame f = Frame.of(NumericColumn.of("x", new double[] {1, -2}));
        assertThatThrownBy(() -> FeaturePipeline.fit(f, new double[] {0, 1}, BINARY, List.of("x"),
                PipelineSpec.auto(new FeatureNeeds(false, false, true, true)), 1)).isInstanceOf(ForjaException.class).hasMessageContaining("negative");
    }

    @Test
    void badSpecsAreExplained() {
        assertThatThrownBy(() -> PipelineSpec.auto(FeatureNeeds.LINEAR).withScale("zscore")).hasMessageContaining("--scale 'zscore'");
        assertThatThrownBy(() -> PipelineSpec.auto(FeatureNeeds.LINEAR).withClip("quantile:0.9,0.1")).hasMessageContaining("LO < HI");
    }

    // --- scikit-learn reference (scripts/reference/features_reference.py) ---

    static JsonNode reference() throws IOException {
        try (InputStream in = FeaturePipelineTest.class.getResourceAsStream("/reference/features/transformers.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Frame referenceFrame(JsonNode ref) {
        int n = ref.path("x").size();
        double[][] cols = new double[3][n];
        CategoricalColumn.Builder cat = new CategoricalColumn.Builder();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < 3; c++) {
                JsonNode v = ref.path("x").get(r).get(c);
                cols[c][r] = v.isNull() ? Double.NaN : v.asDouble();
            }
            JsonNode v = ref.path("cat").get(r);
            cat.add(v.isNull() ? null : v.asText());
        }
        return Frame.of(NumericColumn.of("a", cols[0]), NumericColumn.of("b", cols[1]), NumericColumn.of("c", cols[2]), cat.build("cat"));
    }

    private static void matches(FeatureMatrix x, JsonNode expected, int columns) {
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < columns; c++) {
                double want = expected.get(r).get(c).asDouble();
                assertThat(x.get(r, c)).as("row %d column %d", r, c).isCloseTo(want, within(1e-9 * Math.max(1, Math.abs(want))));
            }
        }
    }

    private static FeatureMatrix fitAndApply(JsonNode ref, PipelineSpec spec, List<String> inputs) {
        Frame all = referenceFrame(ref);
        int train = ref.path("train_rows").asInt();
        return FeaturePipeline.fit(all.head(train), new double[train], BINARY, inputs, spec, 1).pipeline().transform(all);
    }

    @Test
    void medianImputationThenStandardScalingMatchesScikitLearn() throws IOException {
        JsonNode ref = reference();
        matches(fitAndApply(ref, PipelineSpec.auto(FeatureNeeds.LINEAR), List.of("a", "b", "c")), ref.path("expected").path("median_then_standard"), 3);
    }

    @Test
    void meanImputationThenMinMaxMatchesScikitLearn() throws IOException {
        JsonNode ref = reference();
        matches(fitAndApply(ref, PipelineSpec.auto(FeatureNeeds.LINEAR).withImpute("mean").withScale("minmax"), List.of("a", "b", "c")),
                ref.path("expected").path("mean_then_minmax"), 3);
    }

    @Test
    void robustScalingMatchesScikitLearn() throws IOException {
        JsonNode ref = reference();
        matches(fitAndApply(ref, PipelineSpec.auto(FeatureNeeds.LINEAR).withScale("robust"), List.of("a", "b", "c")),
                ref.path("expected").path("median_then_robust"), 3);
    }

    @Test
    void pcaMatchesScikitLearnUpToTheDocumentedSign() throws IOException {
        JsonNode ref = reference();
        matches(fitAndApply(ref, PipelineSpec.auto(FeatureNeeds.LINEAR).withPca(2), List.of("a", "b", "c")), ref.path("expected").path("median_standard_pca2"), 2);
    }

    @Test
    void oneHotMatchesScikitLearnAndAddsTheUnseenSlot() throws IOException {
        JsonNode ref = reference();
        FeatureMatrix x = fitAndApply(ref, PipelineSpec.auto(FeatureNeeds.LINEAR).withRareLevels(0), List.of("cat"));
        List<String> levels = new ArrayList<>();
        ref.path("expected").path("onehot_levels").forEach(l -> levels.add(l.asText()));
        for (int k = 0; k < levels.size(); k++) {
            int ours = x.names().indexOf("cat=" + levels.get(k));
            assertThat(ours).as(levels.get(k)).isNotNegative();
            for (int r = 0; r < x.rows(); r++) {
                assertThat(x.get(r, ours)).isEqualTo(ref.path("expected").path("onehot").get(r).get(k).asDouble());
            }
        }
        int unseen = x.names().indexOf("cat=__unseen__");
        assertThat(IntStream.range(0, x.rows()).filter(r -> x.get(r, unseen) == 1).boxed().toList()).containsExactly(35);
    }
}
