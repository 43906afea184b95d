package dev.forja.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ProgressListener;
import dev.forja.core.ingest.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forja's profile of the example datasets against pandas, numpy and scipy
 * ({@code scripts/reference/profile_reference.py}, output in {@code reference/profile_reference.json}):
 * counts, histograms and top values exactly, other numbers to a relative 1e-9.
 */
class ProfileReferenceTest {
    private static final double TOLERANCE = 1e-9;

    private static JsonNode reference;
    private static final Map<String, ObjectNode> PROFILES = new ConcurrentHashMap<>();

    @BeforeAll
    static void loadReference() throws IOException {
        try (InputStream in = ProfileReferenceTest.class.getResourceAsStream("/reference/profile_reference.json")) {
            reference = new ObjectMapper().readTree(in);
        }
    }

    static Stream<String> datasets() throws IOException {
        try (InputStream in = ProfileReferenceTest.class.getResourceAsStream("/reference/profile_reference.json")) {
            List<String> names = new ArrayList<>();
            new ObjectMapper().readTree(in).get("datasets").fieldNames().forEachRemaining(names::add);
            return names.stream();
        }
    }

    private static ObjectNode profile(String dataset) {
        return PROFILES.computeIfAbsent(dataset, d -> {
            Dataset data = ExampleData.read(ExampleData.repository().resolve(d));
            String target = reference.get("datasets").get(d).get("target").get("name").asText();
            return Profiler.profile(data, target, ProgressListener.NONE).toJson();
        });
    }

    private static JsonNode column(ObjectNode profile, String name) {
        for (JsonNode c : profile.get("columns")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static void close(SoftAssertions soft, String what, JsonNode actual, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            soft.assertThat(actual == null || actual.isNull()).as(what + " is null").isTrue();
            return;
        }
        soft.assertThat(actual != null && actual.isNumber()).as(what + " is a number: " + actual).isTrue();
        if (actual == null || !actual.isNumber()) {
            return;
        }
        double a = actual.asDouble();
        double e = expected.asDouble();
        soft.assertThat(Math.abs(a - e)).as("%s: %s vs reference %s", what, a, e)
                .isLessThanOrEqualTo(TOLERANCE * Math.max(Math.abs(a), Math.abs(e)) + 1e-12);
    }

    /** [[value, count], ...] from the profile's [{"value", "count"}, ...]. */
    private static List<List<Object>> pairs(JsonNode top) {
        List<List<Object>> out = new ArrayList<>();
        for (JsonNode t : top) {
            JsonNode v = t.get("value");
            out.add(List.of(v.isNumber() ? (Object) v.asDouble() : v.asText(), t.get("count").asLong()));
        }
        return out;
    }

    private static List<List<Object>> referencePairs(JsonNode top) {
        List<List<Object>> out = new ArrayList<>();
        for (JsonNode t : top) {
            out.add(List.of(t.get(0).isNumber() ? (Object) t.get(0).asDouble() : t.get(0).asText(), t.get(1).asLong()));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void rowsKindsCountsAndDuplicatesMatch(String dataset) {
        JsonNode ref = reference.get("datasets").get(dataset);
        ObjectNode p = profile(dataset);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(p.get("rows").asLong()).as("rows").isEqualTo(ref.get("rows").asLong());
        soft.assertThat(p.get("duplicate_rows").asLong()).as("duplicate rows").isEqualTo(ref.get("duplicate_rows").asLong());
        ref.get("columns").properties().forEach(e -> {
            JsonNode c = column(p, e.getKey());
            JsonNode r = e.getValue();
            String at = dataset + " " + e.getKey();
            soft.assertThat(c.get("kind").asText()).as(at + " kind").isEqualTo(r.get("kind").asText());
            soft.assertThat(c.get("missing").asLong()).as(at + " missing").isEqualTo(r.get("missing").asLong());
            soft.assertThat(c.get("distinct").asLong()).as(at + " distinct").isEqualTo(r.get("distinct").asLong());
        });
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void numericStatisticsMatchPandasAndNumpy(String dataset) {
        JsonNode ref = reference.get("datasets").get(dataset);
        ObjectNode p = profile(dataset);
        SoftAssertions soft = new SoftAssertions();
        ref.get("columns").properties().forEach(e -> {
            JsonNode r = e.getValue();
            if (!r.get("kind").asText().equals("numeric") || r.get("count").asLong() == 0) {
                return;
            }
            JsonNode c = column(p, e.getKey());
            String at = dataset + " " + e.getKey();
            for (String stat : List.of("min", "max", "mean", "std", "skewness")) {
                close(soft, at + " " + stat, c.get(stat), r.get(stat));
            }
            r.get("quantiles").properties().forEach(q -> close(soft, at + " quantile " + q.getKey(),
                    c.get("quantiles").get(q.getKey()), q.getValue()));
            soft.assertThat(c.get("zeros").asLong()).as(at + " zeros").isEqualTo(r.get("zeros").asLong());
            soft.assertThat(pairs(c.get("top"))).as(at + " top").isEqualTo(referencePairs(r.get("top")));
            histogram(soft, at, c.get("histogram"), r.get("histogram"));
        });
        soft.assertAll();
    }

    private static void histogram(SoftAssertions soft, String at, JsonNode actual, JsonNode expected) {
        List<Long> counts = new ArrayList<>();
        actual.get("counts").forEach(n -> counts.add(n.asLong()));
        List<Long> expectedCounts = new ArrayList<>();
        expected.get("counts").forEach(n -> expectedCounts.add(n.asLong()));
        soft.assertThat(counts).as(at + " histogram counts").isEqualTo(expectedCounts);
        for (int i = 0; i < expected.get("edges").size(); i++) {
            close(soft, at + " histogram edge " + i, actual.get("edges").get(i), expected.get("edges").get(i));
        }
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void categoricalAndTextColumnsMatch(String dataset) {
        JsonNode ref = reference.get("datasets").get(dataset);
        ObjectNode p = profile(dataset);
        SoftAssertions soft = new SoftAssertions();
        ref.get("columns").properties().forEach(e -> {
            JsonNode r = e.getValue();
            String kind = r.get("kind").asText();
            JsonNode c = column(p, e.getKey());
            String at = dataset + " " + e.getKey();
            if (kind.equals("categorical") || kind.equals("text")) {
                soft.assertThat(pairs(c.get("top"))).as(at + " top").isEqualTo(referencePairs(r.get("top")));
            }
            if (kind.equals("categorical")) {
                soft.assertThat(c.get("numeric_levels").asLong()).as(at + " numeric levels").isEqualTo(r.get("numeric_levels").asLong());
            }
            if (kind.equals("text")) {
                for (String part : List.of("length", "words")) {
                    for (String stat : List.of("min", "max", "mean", "std")) {
                        close(soft, at + " " + part + " " + stat, c.get(part).get(stat), r.get(part).get(stat));
                    }
                    r.get(part).get("quantiles").properties().forEach(q -> close(soft, at + " " + part + " quantile " + q.getKey(),
                            c.get(part).get("quantiles").get(q.getKey()), q.getValue()));
                    histogram(soft, at + " " + part, c.get(part).get("histogram"), r.get(part).get("histogram"));
                }
            }
            if (kind.equals("datetime")) {
                soft.assertThat(java.time.Instant.parse(c.get("min").asText()).toEpochMilli()).as(at + " min")
                        .isEqualTo(r.get("min_millis").asLong());
                soft.assertThat(java.time.Instant.parse(c.get("max").asText()).toEpochMilli()).as(at + " max")
                        .isEqualTo(r.get("max_millis").asLong());
                r.get("quantiles_millis").properties().forEach(q -> soft.assertThat(
                        (double) java.time.Instant.parse(c.get("quantiles").get(q.getKey()).asText()).toEpochMilli())
                        .as(at + " quantile " + q.getKey()).isCloseTo(q.getValue().asDouble(), org.assertj.core.api.Assertions.within(0.5)));
            }
        });
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void targetAndAssociationsMatchScipyAndTheReimplementedPredictivePower(String dataset) {
        JsonNode ref = reference.get("datasets").get(dataset);
        ObjectNode p = profile(dataset);
        SoftAssertions soft = new SoftAssertions();
        JsonNode target = p.get("target");
        JsonNode refTarget = ref.get("target");
        soft.assertThat(target.get("task").asText()).as("task").isEqualTo(refTarget.get("task").asText());
        soft.assertThat(target.get("missing").asLong()).as("target missing").isEqualTo(refTarget.get("missing").asLong());
        if (refTarget.has("distribution")) {
            // Compared as text: the reference parses small counts as ints, the profile writes longs.
            soft.assertThat(target.get("distribution").toString()).as("class counts").isEqualTo(refTarget.get("distribution").toString());
        }
        soft.assertThat(p.get("associations")).as("one association per other column").hasSize(ref.get("associations").size());
        for (JsonNode a : p.get("associations")) {
            String name = a.get("column").asText();
            JsonNode r = ref.get("associations").get(name);
            String at = dataset + " " + name;
            soft.assertThat(a.get("measure").asText()).as(at + " measure").isEqualTo(r.get("measure").asText());
            soft.assertThat(a.get("rows").asLong()).as(at + " rows").isEqualTo(r.get("rows").asLong());
            close(soft, at + " " + r.get("measure").asText(), a.get("value"), r.get("value"));
            close(soft, at + " predictive power", a.get("pps"), r.get("pps"));
        }
        soft.assertAll();
    }
}
