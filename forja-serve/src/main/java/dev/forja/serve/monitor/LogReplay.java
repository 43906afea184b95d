package dev.forja.serve.monitor;

import dev.forja.core.ProgressListener;
import dev.forja.core.metrics.Metrics;
import dev.forja.core.task.Task;
import dev.forja.learn.model.Model;
import dev.forja.serve.model.Scores;
import dev.forja.serve.model.ServedModel;
import dev.forja.serve.monitor.drift.DriftReference;
import dev.forja.serve.monitor.drift.DriftThresholds;
import dev.forja.serve.monitor.drift.DriftWindow;
import dev.forja.serve.protocol.BadInput;
import dev.forja.serve.protocol.CsvRows;
import dev.forja.serve.protocol.InferV2;
import dev.forja.serve.protocol.RowParser;
import dev.forja.store.predictions.Feedback;
import dev.forja.store.predictions.LoggedPrediction;
import dev.forja.store.predictions.PredictionLog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a model's prediction log back, window by window, from a database cursor: every logged request
 * is parsed again by the protocol it came in on and scored by the monitored model, each row feeding
 * the window's drift counts; rows with late labels also keep their outputs for the window's metrics.
 * Memory stays constant in the log's size (bin counts per window, plus the labelled rows of one
 * window). The monitored model re-scores the rows, so the predictions are that model's even where
 * the log holds answers of other versions.
 */
public final class LogReplay {
    private final PredictionLog log;
    private final String servedName;
    private final Model model;
    private final DriftReference reference;
    private final DriftThresholds thresholds;

    public LogReplay(PredictionLog log, String servedName, Model model, DriftThresholds thresholds) {
        this.log = log;
        this.servedName = servedName;
        this.model = model;
        this.reference = DriftReference.of(model);
        this.thresholds = thresholds;
    }

    /** The windows of {@code windowMillis} from {@code since} to {@code until} that hold requests, oldest first. */
    public List<WindowResult> run(long since, long until, long windowMillis, ProgressListener progress) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("window must be positive");
        }
        List<WindowResult> out = new ArrayList<>();
        State state = new State(new ServedModel(servedName, "monitor", "monitor", model));
        log.scan(servedName, since, until, p -> {
            long index = (p.timestamp() - since) / windowMillis;
            if (state.window == null || index != state.index) {
                if (state.window != null) {
                    out.add(state.finish());
                }
                long start = since + index * windowMillis;
                state.begin(index, start, Math.min(until, start + windowMillis), labels(start, Math.min(until, start + windowMillis)));
            }
            state.replay(p);
            if (progress != null && state.requests % 10_000 == 0) {
                progress.update("replaying " + servedName + "'s log", state.totalRequests, -1);
            }
        });
        if (state.window != null) {
            out.add(state.finish());
        }
        return out;
    }

    private Map<String, String> labels(long from, long until) {
        Map<String, String> m = new HashMap<>();
        for (Feedback f : log.feedbackFor(servedName, from, until)) {
            m.put(f.requestId() + "#" + f.row(), f.actual());
        }
        return m;
    }

    /** The window being filled. */
    private final class State {
        final ServedModel served;
        final Task task;
        long index;
        long start;
        long end;
        DriftFeed feed;
        DriftWindow window;
        Map<String, String> labels;
        String requestId;
        int row;
        long requests;
        long totalRequests;
        long rows;
        long unreadable;
        final List<Double> y = new ArrayList<>();
        double[] outputs = new double[64];
        int labelled;

        State(ServedModel served) {
            this.served = served;
            this.task = served.task();
            this.feed = new DriftFeed(reference, served);
            served.observe((r, out) -> {
                feed.observe(r, out);
                String actual = labels.get(requestId + "#" + row);
                if (actual != null) {
                    double v = task.isClassification() ? task.classes().indexOf(actual) : parse(actual);
                    if (v >= 0 || !task.isClassification()) {
                        if (!Double.isNaN(v)) {
                            int k = out.length;
                            if ((labelled + 1) * k > outputs.length) {
                                outputs = java.util.Arrays.copyOf(outputs, outputs.length * 2);
                            }
                            System.arraycopy(out, 0, outputs, labelled * k, k);
                            y.add(v);
                            labelled++;
                        }
                    }
                }
                row++;
            });
        }

        void begin(long i, long s, long e, Map<String, String> windowLabels) {
            index = i;
            start = s;
            end = e;
            labels = windowLabels;
            window = feed.swap();
            requests = 0;
            rows = 0;
            unreadable = 0;
            y.clear();
            labelled = 0;
        }

        void replay(LoggedPrediction p) {
            requests++;
            totalRequests++;
            requestId = p.requestId();
            row = 0;
            byte[] body = p.request().getBytes(StandardCharsets.UTF_8);
            try {
                Scores s = switch (p.protocol()) {
                    case "v1" -> RowParser.v1(body, served);
                    case "v2" -> InferV2.parse(body, served).scores();
                    default -> p.request().stripLeading().startsWith("{") ? RowParser.invocations(body, served) : CsvRows.parse(body, served);
                };
                rows += s.rows();
            } catch (BadInput | IllegalArgumentException e) {
                unreadable++;
            }
        }

        WindowResult finish() {
            DriftWindow done = feed.swap();
            Map<String, Double> metrics = new LinkedHashMap<>();
            if (labelled > 0) {
                double[] yy = y.stream().mapToDouble(Double::doubleValue).toArray();
                metrics.putAll(Metrics.evaluate(task, yy, java.util.Arrays.copyOf(outputs, labelled * task.outputs()), null));
            }
            WindowResult r = new WindowResult(start, end, requests, rows, labelled, unreadable, done.report(thresholds), metrics);
            window = null;
            return r;
        }
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
