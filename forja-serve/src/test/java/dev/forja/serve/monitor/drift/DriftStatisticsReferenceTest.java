package dev.forja.serve.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drift statistics against scipy's values for the same samples (scripts/reference/drift_reference.py):
 * small and large samples, ties, a single-valued reference, missing values, values out of the
 * reference's range, stable and shifted categories, a category the reference never saw.
 */
class DriftStatisticsReferenceTest {
    private static JsonNode fixtures() throws IOException {
        try (InputStream in = DriftStatisticsReferenceTest.class.getResourceAsStream("/reference/drift/cases.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Stream<JsonNode> numeric() throws IOException {
        List<JsonNode> list = new ArrayList<>();
        fixtures().path("numeric").forEach(list::add);
        return list.stream();
    }

    static Stream<JsonNode> categorical() throws IOException {
        List<JsonNode> list = new ArrayList<>();
        fixtures().path("categorical").forEach(list::add);
        return list.stream();
    }

    static double[] present(JsonNode values) {
        return java.util.stream.StreamSupport.stream(values.spliterator(), false).filter(v -> !v.isNull()).mapToDouble(JsonNode::asDouble).toArray();
    }

    static double[] doubles(JsonNode n) {
        double[] d = new double[n.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = n.get(i).asDouble();
        }
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numeric")
    void kolmogorovSmirnovMatchesScipy(JsonNode c) {
        KolmogorovSmirnov ks = KolmogorovSmirnov.test(present(c.path("reference")), present(c.path("current")));
        assertThat(ks.statistic()).isCloseTo(c.path("ks_statistic").asDouble(), within(1e-12));
        double p = c.path("ks_p_value").asDouble();
        assertThat(ks.pValue()).as("p-value").isCloseTo(p, within(Math.max(1e-12, p * 1e-6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numeric")
    void psiOnTheReferenceDecilesMatchesItsDefinition(JsonNode c) {
        assertThat(Psi.of(doubles(c.path("reference_shares")), doubles(c.path("current_shares")))).isCloseTo(c.path("psi").asDouble(), within(1e-12));
    }

    private static double[][] counts(JsonNode c) {
        Map<String, double[]> byLevel = new LinkedHashMap<>();
        c.path("reference").forEach(v -> byLevel.computeIfAbsent(v.asText(), k -> new double[2])[0]++);
        c.path("current").forEach(v -> byLevel.computeIfAbsent(v.asText(), k -> new double[2])[1]++);
        double[][] out = new double[2][byLevel.size()];
        int i = 0;
        for (double[] v : byLevel.values()) {
            out[0][i] = v[0];
            out[1][i] = v[1];
            i++;
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("categorical")
    void chiSquareMatchesScipy(JsonNode c) {
        double[][] t = counts(c);
        ChiSquare chi = ChiSquare.test(t[0], t[1]);
        assertThat(chi.statistic()).isCloseTo(c.path("chi2_statistic").asDouble(), within(1e-9));
        double p = c.path("chi2_p_value").asDouble();
        assertThat(chi.pValue()).isCloseTo(p, within(Math.max(1e-15, p * 1e-9)));
        assertThat(chi.freedom()).isEqualTo(c.path("chi2_dof").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("categorical")
    void jensenShannonDistanceMatchesScipy(JsonNode c) {
        double[][] t = counts(c);
        assertThat(JensenShannon.distance(t[0], t[1])).isCloseTo(c.path("js_distance").asDouble(), within(1e-12));
    }
}
