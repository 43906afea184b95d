package dev.forja.app.serve;

import static dev.forja.app.serve.ServingFixture.ROOT;
import static dev.forja.app.serve.ServingFixture.cli;
import static dev.forja.app.serve.ServingFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.app.TemporaryForjaHome;
import dev.forja.app.tracking.LazyTracking;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.serve.http.ServingServer;
import dev.forja.serve.model.Endpoint;
import dev.forja.serve.model.ModelSlot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" for the tasks the Titanic tests do not cover: forja automl on a dataset with
 * several classes (UCI Wine) and on a regression dataset (Auto MPG) ends on time, registers its pick, and
 * that model answers over HTTP like any trained model.
 */
class AutomlModelsServeTest {
    @TempDir
    static Path home;
    private static TemporaryForjaHome forjaHome;
    private static LazyTracking tracking;
    private static JsonNode wine;
    private static double wineSeconds;
    private static JsonNode mpg;

    @BeforeAll
    static void automl() {
        forjaHome = new TemporaryForjaHome(home);
        long t0 = System.nanoTime();
        wine = cli("automl", ROOT.resolve("examples/data/wine.csv").toString(), "--target", "cultivar", "--time", "10s", "--register", "wine", "--json");
        wineSeconds = (System.nanoTime() - t0) / 1e9;
        mpg = cli("automl", ROOT.resolve("examples/data/auto_mpg.csv").toString(), "--target", "mpg", "--time", "10s", "--register", "mpg", "--json");
        tracking = new LazyTracking(new TrackingOptions());
    }

    @AfterAll
    static void restore() {
        tracking.close();
        forjaHome.close();
    }

    private static String serve(String name, ServingServer[] holder) throws InterruptedException {
        holder[0] = ServingServer.start(List.of(new Endpoint(name, new ModelSlot(name, new UriModelSource("models:/" + name + "/1", tracking)), null, 0, null)),
                ServingServer.Options.loopback(0));
        ServingFixture.awaitReady(holder[0].url());
        return holder[0].url();
    }

    @Test
    void severalClassesEndOnTimeAndThePickBeatsTheBaselineOnTheTestPart() {
        assertThat(wine.path("metric").asText()).isEqualTo("log_loss");
        assertThat(wineSeconds).isLessThan(10 * 1.05);
        JsonNode best = wine.path("best");
        assertThat(best.path("model_uri").asText()).isEqualTo("models:/wine/1");
        assertThat(best.path("test_metrics").path("log_loss").asDouble()).isLessThan(best.path("baseline_test_metrics").path("log_loss").asDouble() / 3);
        assertThat(best.path("test_metrics").path("accuracy").asDouble()).isGreaterThan(0.85);
    }

    @Test
    void theModelPickedForSeveralClassesServesLabelsWithAProbabilityPerClass() throws Exception {
        ServingServer[] server = new ServingServer[1];
        try {
            String url = serve("wine", server);
            String first = "{\"alcohol\": 14.23, \"malic_acid\": 1.71, \"ash\": 2.43, \"alcalinity_of_ash\": 15.6, \"magnesium\": 127, \"total_phenols\": 2.8, "
                    + "\"flavanoids\": 3.06, \"nonflavanoid_phenols\": 0.28, \"proanthocyanins\": 2.29, \"color_intensity\": 5.64, \"hue\": 1.04, "
                    + "\"od280_od315_of_diluted_wines\": 3.92, \"proline\": 1065}";
            String last = "{\"alcohol\": 14.13, \"malic_acid\": 4.1, \"ash\": 2.74, \"alcalinity_of_ash\": 24.5, \"magnesium\": 96, \"total_phenols\": 2.05, "
                    + "\"flavanoids\": 0.76, \"nonflavanoid_phenols\": 0.56, \"proanthocyanins\": 1.35, \"color_intensity\": 9.2, \"hue\": 0.61, "
                    + "\"od280_od315_of_diluted_wines\": 1.6, \"proline\": 560}";
            ServingFixture.Answer a = post(url + "/v1/models/wine:predict", "{\"instances\": [" + first + ", " + last + "]}");
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            JsonNode p = a.json().path("predictions");
            assertThat(p.get(0).path("label").asText()).isEqualTo("cultivar_1");
            assertThat(p.get(1).path("label").asText()).isEqualTo("cultivar_3");
            JsonNode probs = p.get(0).path("probabilities");
            assertThat(probs.size()).isEqualTo(3);
            double sum = probs.path("cultivar_1").asDouble() + probs.path("cultivar_2").asDouble() + probs.path("cultivar_3").asDouble();
            // XGBoost's probabilities are single precision: their sum is 1 to about 1e-7
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        } finally {
            if (server[0] != null) {
                server[0].close();
            }
        }
    }

    @Test
    void theRegressionPickBeatsTheBaselineAndServesANumber() throws Exception {
        JsonNode best = mpg.path("best");
        assertThat(mpg.path("metric").asText()).isEqualTo("rmse");
        assertThat(best.path("test_metrics").path("rmse").asDouble()).isLessThan(best.path("baseline_test_metrics").path("rmse").asDouble() / 2);
        ServingServer[] server = new ServingServer[1];
        try {
            String url = serve("mpg", server);
            // the first car of the file: a 1970 Chevrolet Chevelle, 18 mpg
            ServingFixture.Answer a = post(url + "/invocations", "{\"dataframe_records\": [{\"cylinders\": 8, \"displacement\": 307, \"horsepower\": 130, "
                    + "\"weight\": 3504, \"acceleration\": 12, \"model_year\": 70, \"origin\": 1, \"car_name\": \"chevrolet chevelle malibu\"}]}");
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.json().path("predictions").get(0).asDouble()).isBetween(13.0, 23.0);
        } finally {
            if (server[0] != null) {
                server[0].close();
            }
        }
    }
}
