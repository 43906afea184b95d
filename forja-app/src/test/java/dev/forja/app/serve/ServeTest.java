package dev.forja.app.serve;

import static dev.forja.app.serve.ServingFixture.TITANIC;
import static dev.forja.app.serve.ServingFixture.cli;
import static dev.forja.app.serve.ServingFixture.get;
import static dev.forja.app.serve.ServingFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.serve.ServingFixture.Answer;
import dev.forja.app.tracking.LazyTracking;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.ReadOptions;
import dev.forja.serve.http.ServingServer;
import dev.forja.serve.model.Endpoint;
import dev.forja.serve.model.ModelSlot;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forja serve} over HTTP on loopback, with models trained and registered through the CLI. */
class ServeTest {
    @TempDir
    static Path home;
    private static String previousHome;
    private static LazyTracking tracking;
    static String firstRun;
    ServingServer server;

    @BeforeAll
    static void trainAndRegister() {
        previousHome = System.getProperty("forja.home");
        System.setProperty("forja.home", home.toString());
        firstRun = cli("train", TITANIC, "--target", "Survived", "--model", "xgboost", "--register", "titanic", "--json").path("run_id").asText();
        cli("train", TITANIC, "--target", "Survived", "--model", "logistic", "--register", "titanic", "--json");
        cli("models", "alias", "titanic", "1", "production", "--json");
        tracking = new LazyTracking(new TrackingOptions());
    }

    @AfterAll
    static void restore() {
        tracking.close();
        if (previousHome == null) {
            System.clearProperty("forja.home");
        } else {
            System.setProperty("forja.home", previousHome);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String serve(Endpoint endpoint, ServingServer.Options options) throws InterruptedException {
        server = ServingServer.start(List.of(endpoint), options);
        ServingFixture.awaitReady(server.url());
        return server.url();
    }

    private String serve(String uri) throws InterruptedException {
        return serve(endpoint(uri), ServingServer.Options.loopback(0));
    }

    private static Endpoint endpoint(String uri) {
        return new Endpoint("titanic", new ModelSlot("titanic", new UriModelSource(uri, tracking)), null, 0, null);
    }

    private static final String ROW = "{\"PassengerId\": 1, \"Pclass\": 3, \"Sex\": \"male\", \"Age\": 22, \"SibSp\": 1, \"Parch\": 0, "
            + "\"Ticket\": \"A/5 21171\", \"Fare\": 7.25, \"Cabin\": null, \"Embarked\": \"S\"}";
    private static final String ROW2 = "{\"PassengerId\": 2, \"Pclass\": 1, \"Sex\": \"female\", \"Age\": 38, \"SibSp\": 1, \"Parch\": 0, "
            + "\"Ticket\": \"PC 17599\", \"Fare\": 71.2833, \"Cabin\": \"C85\", \"Embarked\": \"C\"}";

    @Test
    void everyProtocolGivesTheSamePredictions() throws Exception {
        String url = serve("models:/titanic@production");
        Answer v1 = post(url + "/v1/models/titanic:predict", "{\"instances\": [" + ROW + ", " + ROW2 + "]}");
        assertThat(v1.status()).as(v1.body()).isEqualTo(200);
        assertThat(v1.version()).isEqualTo("titanic/1");
        assertThat(v1.json().path("model").asText()).isEqualTo("titanic");
        assertThat(v1.json().path("version").asText()).isEqualTo("1");
        JsonNode p = v1.json().path("predictions");
        String label1 = p.get(0).path("label").asText();
        String label2 = p.get(1).path("label").asText();
        double prob = p.get(0).path("probabilities").path("1").asDouble();
        assertThat(p.get(0).path("probabilities").path("0").asDouble() + prob).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(List.of(label1, label2)).containsExactly("0", "1");

        String expected = "{\"predictions\":[" + label1 + "," + label2 + "]}";
        String columns = "[\"PassengerId\",\"Pclass\",\"Sex\",\"Age\",\"SibSp\",\"Parch\",\"Ticket\",\"Fare\",\"Cabin\",\"Embarked\"]";
        assertThat(post(url + "/invocations", "{\"dataframe_split\": {\"columns\": " + columns + ", \"data\": [[1,3,\"male\",22,1,0,\"A/5 21171\","
                + "7.25,null,\"S\"],[2,1,\"female\",38,1,0,\"PC 17599\",71.2833,\"C85\",\"C\"]]}}").body()).isEqualTo(expected);
        assertThat(post(url + "/invocations", "{\"dataframe_records\": [" + ROW + ", " + ROW2 + "]}").body()).isEqualTo(expected);
        assertThat(post(url + "/invocations", "{\"instances\": [" + ROW + ", " + ROW2 + "]}").body()).isEqualTo(expected);
        assertThat(post(url + "/invocations", "{\"inputs\": {\"PassengerId\": [1, 2], \"Pclass\": [3, 1], \"Sex\": [\"male\", \"female\"], "
                + "\"Age\": [22, 38], \"SibSp\": [1, 1], \"Parch\": [0, 0], \"Ticket\": [\"A/5 21171\", \"PC 17599\"], \"Fare\": [7.25, 71.2833], "
                + "\"Cabin\": [null, \"C85\"], \"Embarked\": [\"S\", \"C\"]}}").body()).isEqualTo(expected);
        assertThat(post(url + "/invocations", "PassengerId,Pclass,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked\n"
                + "1,3,male,22,1,0,A/5 21171,7.25,,S\n2,1,female,38,1,0,PC 17599,71.2833,C85,C\n", "text/csv").body()).isEqualTo(expected);

        JsonNode v2 = post(url + "/v2/models/titanic/infer", "{\"id\": \"req-7\", \"inputs\": ["
                + "{\"name\": \"PassengerId\", \"shape\": [2], \"datatype\": \"INT64\", \"data\": [1, 2]},"
                + "{\"name\": \"Pclass\", \"shape\": [2, 1], \"datatype\": \"INT64\", \"data\": [[3], [1]]},"
                + "{\"name\": \"Sex\", \"shape\": [2], \"datatype\": \"BYTES\", \"data\": [\"male\", \"female\"]},"
                + "{\"name\": \"Age\", \"shape\": [2], \"datatype\": \"FP64\", \"data\": [22, 38]},"
                + "{\"name\": \"SibSp\", \"shape\": [2], \"datatype\": \"INT64\", \"data\": [1, 1]},"
                + "{\"name\": \"Parch\", \"shape\": [2], \"datatype\": \"INT64\", \"data\": [0, 0]},"
                + "{\"name\": \"Ticket\", \"shape\": [2], \"datatype\": \"BYTES\", \"data\": [\"A/5 21171\", \"PC 17599\"]},"
                + "{\"name\": \"Fare\", \"shape\": [2], \"datatype\": \"FP64\", \"data\": [7.25, 71.2833]},"
                + "{\"name\": \"Cabin\", \"shape\": [2], \"datatype\": \"BYTES\", \"data\": [null, \"C85\"]},"
                + "{\"name\": \"Embarked\", \"shape\": [2], \"datatype\": \"BYTES\", \"data\": [\"S\", \"C\"]}]}").json();
        assertThat(v2.path("id").asText()).isEqualTo("req-7");
        assertThat(v2.path("model_version").asText()).isEqualTo("1");
        assertThat(v2.path("outputs").get(0).path("data")).extracting(JsonNode::asText).containsExactly(label1, label2);
        assertThat(v2.path("outputs").get(1).path("shape")).extracting(JsonNode::asInt).containsExactly(2, 2);
        assertThat(v2.path("outputs").get(1).path("data").get(1).asDouble()).isEqualTo(prob);
    }

    @Test
    void onlineScoresAreByteIdenticalToForjaPredictForEveryRow() throws Exception {
        Path csv = home.resolve("batch.csv");
        cli("predict", "models:/titanic@production", TITANIC, "--out", csv.toString(), "--json");
        List<String> batch = Files.readAllLines(csv);

        Frame frame = DataReaders.read(TITANIC, ReadOptions.defaults()).frame();
        ArrayNode instances = ServingFixture.JSON.createArrayNode();
        for (int r = 0; r < frame.rowCount(); r++) {
            ObjectNode row = instances.addObject();
            for (String name : List.of("PassengerId", "Pclass", "Sex", "Age", "SibSp", "Parch", "Ticket", "Fare", "Cabin", "Embarked")) {
                Column c = frame.column(name);
                if (c.isMissing(r)) {
                    row.putNull(name);
                } else if (c instanceof NumericColumn n) {
                    row.put(name, n.get(r));
                } else {
                    row.put(name, ((CategoricalColumn) c).get(r));
                }
            }
        }
        String url = serve("models:/titanic@production");
        Answer answer = post(url + "/v1/models/titanic:predict", "{\"instances\": " + instances + "}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode predictions = answer.json().path("predictions");
        assertThat(batch.get(0)).isEqualTo("prediction,p_0,p_1");
        assertThat(predictions).hasSize(batch.size() - 1);
        // The numbers' text, not their parsed values: byte for byte.
        String body = answer.body();
        int from = 0;
        for (int r = 0; r < predictions.size(); r++) {
            String[] fields = batch.get(r + 1).split(",");
            String online = "{\"label\":\"" + fields[0] + "\",\"probabilities\":{\"0\":" + fields[1] + ",\"1\":" + fields[2] + "}}";
            int at = body.indexOf(online, from);
            assertThat(at).as("row %d: %s", r, online).isGreaterThanOrEqualTo(0);
            from = at + online.length();
        }
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        String url = serve("models:/titanic@production");
        String endpoint = url + "/v1/models/titanic:predict";
        Answer missing = post(endpoint, "{\"instances\": [{\"Pclass\": 3}]}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").asText()).contains("missing required column");
        assertThat(missing.json().path("field").asText()).isEqualTo("PassengerId");
        Answer wrongType = post(endpoint, "{\"instances\": [" + ROW.replace("\"Age\": 22", "\"Age\": \"old\"") + "]}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("field").asText()).isEqualTo("Age");
        Answer infinite = post(endpoint, "{\"instances\": [" + ROW.replace("\"Fare\": 7.25", "\"Fare\": 1e999") + "]}");
        assertThat(infinite.status()).isEqualTo(400);
        assertThat(infinite.json().path("field").asText()).isEqualTo("Fare");
        Answer nested = post(endpoint, "{\"instances\": [" + ROW.replace("\"Sex\": \"male\"", "\"Sex\": [\"male\"]") + "]}");
        assertThat(nested.json().path("field").asText()).isEqualTo("Sex");
        Answer broken = post(endpoint, "{\"instances\": [");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().path("error").asText()).contains("not valid JSON");
        assertThat(post(endpoint, "{\"rows\": []}").json().path("field").asText()).isEqualTo("instances");
        assertThat(post(url + "/v1/models/nope:predict", "{\"instances\": []}").status()).isEqualTo(404);
        assertThat(get(url + "/v1/nothing").status()).isEqualTo(404);
    }

    @Test
    void anUnseenCategoryIsScoredAsTrainedAndCounted() throws Exception {
        String url = serve("models:/titanic@production");
        Answer a = post(url + "/v1/models/titanic:predict", "{\"instances\": [" + ROW.replace("\"Embarked\": \"S\"", "\"Embarked\": \"Mars\"") + "]}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(get(url + "/metrics").body()).contains("forja_unseen_categories_total{model=\"titanic\",column=\"Embarked\"} 1");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String url = serve(endpoint("models:/titanic@production"), new ServingServer.Options("127.0.0.1", 0, 16, 1024, null, 2));
        Answer a = post(url + "/v1/models/titanic:predict", "{\"instances\": [" + (ROW + ",").repeat(20) + ROW + "]}");
        assertThat(a.status()).isEqualTo(413);
    }

    @Test
    void overloadIsA503WithRetryAfterInsteadOfAQueue() throws Exception {
        String url = serve(endpoint("models:/titanic@production"), new ServingServer.Options("127.0.0.1", 0, 1, 1 << 20, null, 2));
        String body = "{\"instances\": [" + ROW + "]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // A client that sends half its body holds the only slot...
        try (Socket slow = new Socket("127.0.0.1", server.port())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /v1/models/titanic:predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            Thread.sleep(200);
            // ...so the next request is turned away at once, told when to retry.
            Answer rejected = post(url + "/v1/models/titanic:predict", body);
            assertThat(rejected.status()).isEqualTo(503);
            assertThat(rejected.raw().headers().firstValue("Retry-After")).contains("1");
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            out.flush();
            String response = new String(slow.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(response).isEqualTo("HTTP/1.1 200");
        }
        // the slot is given back just after the response's last byte is written: poll briefly rather than race it
        int status = 0;
        for (int i = 0; i < 100 && status != 200; i++) {
            status = post(url + "/v1/models/titanic:predict", body).status();
            if (status != 200) {
                Thread.sleep(20);
            }
        }
        assertThat(status).as("the slot is free again once the slow request is answered").isEqualTo(200);
        assertThat(get(url + "/metrics").body()).containsPattern("forja_rejected_overload_total [1-9]");
    }

    @Test
    void aModelThatFailsToLoadKeepsTheServerNotReadyWithTheReason() throws Exception {
        Path empty = Files.createDirectories(home.resolve("not-a-model"));
        server = ServingServer.start(List.of(endpoint(empty.toString())), ServingServer.Options.loopback(0));
        Thread.sleep(300);
        Answer ready = get(server.url() + "/v2/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().path("models").path("titanic").path("reason").asText()).contains("failed to load");
        assertThat(get(server.url() + "/v2/health/live").status()).isEqualTo(200);
        assertThat(post(server.url() + "/v1/models/titanic:predict", "{\"instances\": [" + ROW + "]}").status()).isEqualTo(503);
    }

    @Test
    void metadataDescribesTheSignature() throws Exception {
        String url = serve("models:/titanic@production");
        JsonNode m = get(url + "/v1/models/titanic").json();
        assertThat(m.path("version").asText()).isEqualTo("1");
        assertThat(m.path("task").asText()).isEqualTo("binary");
        assertThat(m.path("classes")).extracting(JsonNode::asText).containsExactly("0", "1");
        assertThat(m.path("inputs")).extracting(n -> n.path("name").asText()).contains("Sex", "Fare");
    }

    @Test
    void aCanaryAnswersItsShareEvenly() throws Exception {
        Endpoint e = new Endpoint("titanic", new ModelSlot("titanic", new UriModelSource("models:/titanic/1", tracking)),
                new ModelSlot("titanic", new UriModelSource("models:/titanic/2", tracking)), 10, null);
        String url = serve(e, ServingServer.Options.loopback(0));
        int canary = 0;
        for (int i = 0; i < 100; i++) {
            if ("titanic/2".equals(post(url + "/v1/models/titanic:predict", "{\"instances\": [" + ROW + "]}").version())) {
                canary++;
            }
        }
        assertThat(canary).isEqualTo(10);
    }

    @Test
    void aShadowScoresACopyWithoutAnswering() throws Exception {
        Endpoint e = new Endpoint("titanic", new ModelSlot("titanic", new UriModelSource("models:/titanic/1", tracking)), null, 0,
                new ModelSlot("titanic", new UriModelSource("models:/titanic/2", tracking)));
        String url = serve(e, ServingServer.Options.loopback(0));
        for (int i = 0; i < 20; i++) {
            assertThat(post(url + "/v1/models/titanic:predict", "{\"instances\": [" + ROW + "]}").version()).isEqualTo("titanic/1");
        }
        String metrics = "";
        for (int i = 0; i < 100 && !metrics.contains("forja_shadow_predictions_total 20"); i++) {
            Thread.sleep(20);
            metrics = get(url + "/metrics").body();
        }
        assertThat(metrics).contains("forja_shadow_predictions_total 20").contains("forja_predictions_total{model=\"titanic\",version=\"2\"} 20");
    }

    @Test
    void movingTheAliasSwapsTheVersionUnderLoadWithoutAFailedRequest() throws Exception {
        cli("models", "alias", "titanic", "1", "swap", "--json");
        String url = serve(endpoint("models:/titanic@swap"), new ServingServer.Options("127.0.0.1", 0, 256, 1 << 20, Duration.ofMillis(50), 2));
        List<String> versions = java.util.Collections.synchronizedList(new ArrayList<>());
        List<List<String>> perThread = new ArrayList<>();
        List<Integer> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<String> mine = new ArrayList<>();
            perThread.add(mine);
            Thread th = new Thread(() -> {
                while (!stop.get()) {
                    Answer a = post(url + "/v1/models/titanic:predict", "{\"instances\": [" + ROW + "]}");
                    if (a.status() != 200) {
                        failures.add(a.status());
                    }
                    versions.add(a.version());
                    mine.add(a.version());
                }
            });
            th.start();
            load.add(th);
        }
        Thread.sleep(300);
        cli("models", "alias", "titanic", "2", "swap", "--json");
        for (int i = 0; i < 100 && !versions.contains("titanic/2"); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
        stop.set(true);
        for (Thread th : load) {
            th.join();
        }
        assertThat(failures).isEmpty();
        assertThat(versions).contains("titanic/1", "titanic/2");
        // A client sends its next request only after the last answer: once it was answered by the new
        // version, the swap is done, and no later request of that client may meet the old one.
        for (List<String> mine : perThread) {
            int firstNew = mine.indexOf("titanic/2");
            assertThat(firstNew).as("every client reached the new version").isGreaterThanOrEqualTo(0);
            assertThat(mine.subList(firstNew, mine.size())).as("after the swap only the new version answers").containsOnly("titanic/2");
        }
        assertThat(get(url + "/metrics").body()).contains("forja_model_swaps_total{model=\"titanic\",uri=\"models:/titanic@swap\"} 1");
    }

    @Test
    void everyAnsweredRequestIsLoggedWithItsIdAndFeedbackAttachesTheLabel() throws Exception {
        dev.forja.store.jdbc.JdbcStore store = (dev.forja.store.jdbc.JdbcStore) tracking.get().store();
        dev.forja.serve.log.PredictionLogger logger = new dev.forja.serve.log.PredictionLogger(store.predictionLog(), 100);
        server = ServingServer.start(List.of(endpoint("models:/titanic@production")), ServingServer.Options.loopback(0), logger);
        ServingFixture.awaitReady(server.url());
        long from = System.currentTimeMillis();
        Answer a = post(server.url() + "/v1/models/titanic:predict", "{\"instances\": [" + ROW + ", " + ROW2 + "]}");
        String id = a.raw().headers().firstValue("X-Request-Id").orElseThrow();
        for (int i = 0; i < 100 && logger.written() < 1; i++) {
            Thread.sleep(20);
        }
        var logged = store.predictionLog().predictions("titanic", from, System.currentTimeMillis() + 1);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).requestId()).isEqualTo(id);
        assertThat(logged.get(0).version()).isEqualTo("1");
        assertThat(logged.get(0).rows()).isEqualTo(2);
        assertThat(logged.get(0).response()).isEqualTo(a.body());
        assertThat(logged.get(0).request()).contains("A/5 21171");

        assertThat(post(server.url() + "/v1/feedback", "{\"request_id\": \"" + id + "\", \"row\": 1, \"actual\": 1}").status()).isEqualTo(200);
        assertThat(store.predictionLog().feedbackFor("titanic", from, System.currentTimeMillis() + 1))
                .extracting(dev.forja.store.predictions.Feedback::actual).containsExactly("1");
        Answer unknown = post(server.url() + "/v1/feedback", "{\"request_id\": \"nope\", \"actual\": 0}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("field").asText()).isEqualTo("request_id");
        assertThat(post(server.url() + "/v1/feedback", "{\"request_id\": \"" + id + "\"}").json().path("field").asText()).isEqualTo("actual");
    }

    @Test
    void aFullPredictionLogDropsAndCountsButNeverBlocksARequest() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        dev.forja.store.predictions.PredictionLog stuck = new dev.forja.store.predictions.PredictionLog() {
            @Override
            public void append(List<dev.forja.store.predictions.LoggedPrediction> predictions) {
                try {
                    release.await(); // a database that does not answer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void feedback(List<dev.forja.store.predictions.Feedback> feedback) {
            }

            @Override
            public List<dev.forja.store.predictions.LoggedPrediction> predictions(String model, long from, long until) {
                return List.of();
            }

            @Override
            public List<dev.forja.store.predictions.Feedback> feedbackFor(String model, long from, long until) {
                return List.of();
            }

            @Override
            public void scan(String model, long from, long until, java.util.function.Consumer<dev.forja.store.predictions.LoggedPrediction> each) {
            }

            @Override
            public long firstTimestamp(String model) {
                return -1;
            }

            @Override
            public boolean alert(dev.forja.store.predictions.MonitorAlert alert) {
                return false;
            }

            @Override
            public List<dev.forja.store.predictions.MonitorAlert> alerts(String model, long since) {
                return List.of();
            }
        };
        dev.forja.serve.log.PredictionLogger logger = new dev.forja.serve.log.PredictionLogger(stuck, 2);
        server = ServingServer.start(List.of(endpoint("models:/titanic@production")), ServingServer.Options.loopback(0), logger);
        ServingFixture.awaitReady(server.url());
        for (int i = 0; i < 10; i++) {
            assertThat(post(server.url() + "/v1/models/titanic:predict", "{\"instances\": [" + ROW + "]}").status()).isEqualTo(200);
            if (i == 0) {
                Thread.sleep(300); // the writer has taken the first record and is stuck writing it
            }
        }
        // One record is with the stuck writer, two wait in the queue, the other seven were dropped.
        assertThat(logger.dropped()).isEqualTo(7);
        assertThat(get(server.url() + "/metrics").body()).contains("forja_prediction_log_dropped_total 7");
        release.countDown();
    }

    @Test
    void closingFinishesARequestInFlightAndThenRefusesNewOnes() throws Exception {
        String url = serve("models:/titanic@production");
        byte[] bytes = ("{\"instances\": [" + ROW + "]}").getBytes(StandardCharsets.UTF_8);
        try (Socket slow = new Socket("127.0.0.1", server.port())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /v1/models/titanic:predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, 10);
            out.flush();
            Thread.sleep(100);
            Thread closer = new Thread(server::close);
            closer.start();
            Thread.sleep(200);
            assertThat(closer.isAlive()).as("close waits for the request in flight").isTrue();
            out.write(bytes, 10, bytes.length - 10);
            out.flush();
            assertThat(new String(slow.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            closer.join(10_000);
            assertThat(closer.isAlive()).isFalse();
        }
        server = null;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(url + "/v2/health/live")).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void withADriftWindowTheServedRowsDriftIsOnMetricsFeatureByFeature() throws Exception {
        server = ServingServer.start(List.of(endpoint("models:/titanic@production")),
                ServingServer.Options.loopback(0).withDriftWindow(java.time.Duration.ofMillis(500)));
        ServingFixture.awaitReady(server.url());
        // only men in third class: Sex and Pclass drift far from the training passengers
        StringBuilder body = new StringBuilder("{\"instances\": [");
        for (int i = 0; i < 200; i++) {
            body.append(i > 0 ? ", " : "").append(ROW);
        }
        assertThat(post(server.url() + "/v1/models/titanic:predict", body.append("]}").toString()).status()).isEqualTo(200);
        String metrics = "";
        long deadline = System.currentTimeMillis() + 10_000;
        while (!metrics.contains("forja_drift_window_rows{") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            metrics = get(server.url() + "/metrics").body();
        }
        assertThat(metrics).containsPattern("forja_drift_window_rows\\{model=\"titanic\",version=\"[0-9]+\"\\} 200");
        assertThat(metrics).containsPattern("forja_drift_severity\\{model=\"titanic\",version=\"[0-9]+\",feature=\"Sex\"\\} 2");
        assertThat(metrics).containsPattern("forja_drift_psi\\{model=\"titanic\",version=\"[0-9]+\",feature=\"Pclass\"\\} [0-9.]+");
    }
}
