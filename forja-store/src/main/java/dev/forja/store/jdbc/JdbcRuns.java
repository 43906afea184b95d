package dev.forja.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.store.Page;
import dev.forja.store.StoreException;
import dev.forja.store.search.PageToken;
import dev.forja.store.tracking.DatasetInput;
import dev.forja.store.tracking.Experiment;
import dev.forja.store.tracking.LifecycleStage;
import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.NewRun;
import dev.forja.store.tracking.Run;
import dev.forja.store.tracking.RunInfo;
import dev.forja.store.tracking.RunSearch;
import dev.forja.store.tracking.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Runs in the JDBC store and everything logged to them. Each public method is one transaction; the
 * {@code Connection}-taking ones are the pieces {@link #record} composes into a single one.
 */
final class JdbcRuns {
    static final String RUN_NAME_TAG = "mlflow.runName";
    static final String USER_TAG = "mlflow.user";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INFO_COLUMNS =
            "r.run_id, r.experiment_id, r.run_name, r.user_id, r.status, r.start_time, r.end_time, r.artifact_uri, r.lifecycle_stage";

    private final Database db;

    JdbcRuns(Database db) {
        this.db = db;
    }

    Run create(NewRun run) {
        return db.write(c -> {
            String id = insert(c, run);
            return load(c, List.of(id)).get(0);
        });
    }

    Run record(NewRun run, Map<String, String> params, List<Metric> metrics, List<DatasetInput> inputs, RunStatus status, long endTime) {
        return db.write(c -> {
            String id = insert(c, run);
            for (int i = 0; i < metrics.size(); i += LogLimits.MAX_METRICS_PER_BATCH) {
                logMetrics(c, id, metrics.subList(i, Math.min(metrics.size(), i + LogLimits.MAX_METRICS_PER_BATCH)));
            }
            logParams(c, id, params);
            logInputs(c, id, inputs);
            Sql.update(c, "UPDATE runs SET status = ?, end_time = ? WHERE run_id = ?", status.name(), endTime, id);
            return load(c, List.of(id)).get(0);
        });
    }

    private String insert(Connection c, NewRun run) throws SQLException {
        String experimentId = run.experimentId() == null ? "0" : run.experimentId();
        Experiment experiment = JdbcExperiments.get(c, JdbcExperiments.parseId(experimentId));
        JdbcExperiments.requireActive(experiment);
        String id = run.runId() == null ? UUID.randomUUID().toString().replace("-", "") : run.runId();
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw StoreException.invalid("run id '" + id + "' may hold only letters, digits, '_' and '-' (at most 64)");
        }
        String name = run.runName();
        if (name == null || name.isBlank()) {
            name = run.tags().getOrDefault(RUN_NAME_TAG, RunNames.forRun(id));
        }
        String user = run.userId() == null ? "" : run.userId();
        long start = run.startTime() > 0 ? run.startTime() : System.currentTimeMillis();
        String artifactUri = experiment.artifactLocation() + "/" + id + "/artifacts";
        Sql.update(c, "INSERT INTO runs (run_id, experiment_id, run_name, user_id, status, start_time, end_time, lifecycle_stage, "
                        + "artifact_uri, deleted_time) VALUES (?, ?, ?, ?, 'RUNNING', ?, NULL, 'active', ?, NULL)", id,
                Long.parseLong(experiment.id()), name, user, start, artifactUri);
        Map<String, String> tags = new TreeMap<>(run.tags());
        tags.put(RUN_NAME_TAG, name);
        if (!user.isEmpty()) {
            tags.putIfAbsent(USER_TAG, user);
        }
        setTags(c, id, tags);
        return id;
    }

    Run get(String runId) {
        return db.read(c -> {
            List<Run> runs = load(c, List.of(requireId(runId)));
            if (runs.isEmpty()) {
                throw StoreException.notFound("no run with id " + runId);
            }
            return runs.get(0);
        });
    }

    RunInfo update(String runId, RunStatus status, Long endTime, String runName) {
        return db.write(c -> {
            RunInfo info = activeInfo(c, runId);
            RunStatus newStatus = status == null ? info.status() : status;
            Long newEnd = endTime != null ? endTime : info.endTime();
            String newName = runName == null || runName.isBlank() ? info.runName() : runName;
            Sql.update(c, "UPDATE runs SET status = ?, end_time = ?, run_name = ? WHERE run_id = ?", newStatus.name(), newEnd,
                    newName, info.runId());
            if (!newName.equals(info.runName())) {
                setTags(c, info.runId(), Map.of(RUN_NAME_TAG, newName));
            }
            return info(c, info.runId());
        });
    }

    void delete(String runId) {
        db.write(c -> {
            info(c, runId);
            return Sql.update(c, "UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ? WHERE run_id = ?",
                    System.currentTimeMillis(), runId);
        });
    }

    void restore(String runId) {
        db.write(c -> {
            RunInfo info = info(c, runId);
            JdbcExperiments.requireActive(JdbcExperiments.get(c, Long.parseLong(info.experimentId())));
            return Sql.update(c, "UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL WHERE run_id = ?", runId);
        });
    }

    void logBatch(String runId, List<Metric> metrics, Map<String, String> params, Map<String, String> tags) {
        LogLimits.checkBatch(metrics.size(), params.size(), tags.size());
        db.write(c -> {
            activeInfo(c, runId);
            logMetrics(c, runId, metrics);
            logParams(c, runId, params);
            setTags(c, runId, tags);
            if (tags.containsKey(RUN_NAME_TAG)) {
                Sql.update(c, "UPDATE runs SET run_name = ? WHERE run_id = ?", tags.get(RUN_NAME_TAG), runId);
            }
            return null;
        });
    }

    void deleteTag(String runId, String key) {
        db.write(c -> {
            activeInfo(c, runId);
            if (Sql.update(c, "DELETE FROM run_tags WHERE run_id = ? AND key = ?", runId, key) == 0) {
                throw StoreException.notFound("run " + runId + " has no tag '" + key + "'");
            }
            return null;
        });
    }

    void logInputs(String runId, List<DatasetInput> inputs) {
        db.write(c -> {
            activeInfo(c, runId);
            logInputs(c, runId, inputs);
            return null;
        });
    }

    List<Metric> history(String runId, String key) {
        return db.read(c -> {
            info(c, runId);
            return Sql.list(c, "SELECT key, value, is_nan, timestamp, step FROM metrics WHERE run_id = ? AND key = ? "
                    + "ORDER BY step, timestamp", JdbcRuns::metric, runId, key);
        });
    }

    Page<Run> search(RunSearch search) {
        if (search.maxResults() > RunSearch.MAX_RESULTS_LIMIT) {
            throw StoreException.invalid("max_results " + search.maxResults() + " is over the limit of " + RunSearch.MAX_RESULTS_LIMIT);
        }
        int offset = PageToken.offset(search.pageToken());
        int limit = search.maxResults();
        Sql query = RunQuery.compile(search, db.dialect(), limit + 1, offset);
        return db.read(c -> {
            List<String> ids = Sql.list(c, query, rs -> rs.getString(1));
            boolean more = ids.size() > limit;
            List<Run> runs = load(c, more ? ids.subList(0, limit) : ids);
            return new Page<>(runs, more ? PageToken.of(offset + limit) : null);
        });
    }

    private static void logMetrics(Connection c, String runId, List<Metric> metrics) throws SQLException {
        if (metrics.isEmpty()) {
            return;
        }
        // The newest point per key within the batch, so latest_metrics sees one upsert per key.
        Map<String, Metric> newest = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO metrics (run_id, key, value, is_nan, timestamp, step) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Metric m : metrics) {
                LogLimits.key("metric", m.key());
                ps.setString(1, runId);
                ps.setString(2, m.key());
                bindValue(ps, 3, m.value());
                ps.setLong(5, m.timestamp());
                ps.setLong(6, m.step());
                ps.addBatch();
                newest.merge(m.key(), m, (a, b) -> newer(b, a) ? b : a);
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO latest_metrics (run_id, key, value, is_nan, timestamp, step) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value, is_nan = excluded.is_nan, "
                        + "timestamp = excluded.timestamp, step = excluded.step "
                        + "WHERE excluded.step > latest_metrics.step OR (excluded.step = latest_metrics.step "
                        + "AND (excluded.timestamp > latest_metrics.timestamp OR (excluded.timestamp = latest_metrics.timestamp "
                        + "AND excluded.value > latest_metrics.value)))")) {
            for (Metric m : newest.values()) {
                ps.setString(1, runId);
                ps.setString(2, m.key());
                bindValue(ps, 3, m.value());
                ps.setLong(5, m.timestamp());
                ps.setLong(6, m.step());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** MLflow's rule for the point a run reports: highest step, then latest timestamp, then largest value. */
    private static boolean newer(Metric a, Metric b) {
        if (a.step() != b.step()) {
            return a.step() > b.step();
        }
        if (a.timestamp() != b.timestamp()) {
            return a.timestamp() > b.timestamp();
        }
        return stored(a.value()) > stored(b.value());
    }

    private static double stored(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** NaN is kept as value 0 with is_nan = 1: SQLite stores a NaN REAL as NULL. */
    private static void bindValue(PreparedStatement ps, int index, double value) throws SQLException {
        ps.setDouble(index, stored(value));
        ps.setInt(index + 1, Double.isNaN(value) ? 1 : 0);
    }

    private static void logParams(Connection c, String runId, Map<String, String> params) throws SQLException {
        if (params.isEmpty()) {
            return;
        }
        Map<String, String> existing = new HashMap<>();
        for (List<String> chunk : Chunks.of(new ArrayList<>(params.keySet()))) {
            Sql q = new Sql().append("SELECT key, value FROM params WHERE run_id = ? AND key IN ", runId).in(chunk);
            for (String[] kv : Sql.list(c, q, rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                existing.put(kv[0], kv[1]);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO params (run_id, key, value) VALUES (?, ?, ?)")) {
            int pending = 0;
            for (Map.Entry<String, String> p : params.entrySet()) {
                LogLimits.key("param", p.getKey());
                LogLimits.value("param", p.getKey(), p.getValue(), LogLimits.MAX_PARAM_VALUE);
                String before = existing.get(p.getKey());
                if (before != null) {
                    if (!before.equals(p.getValue())) {
                        throw StoreException.invalid("param '" + p.getKey() + "' of run " + runId + " was logged as '" + before
                                + "' and cannot change to '" + p.getValue() + "': a run's params are fixed; start a new run");
                    }
                    continue;
                }
                ps.setString(1, runId);
                ps.setString(2, p.getKey());
                ps.setString(3, p.getValue());
                ps.addBatch();
                pending++;
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void setTags(Connection c, String runId, Map<String, String> tags) throws SQLException {
        if (tags.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_tags (run_id, key, value) VALUES (?, ?, ?) "
                + "ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value")) {
            for (Map.Entry<String, String> t : tags.entrySet()) {
                LogLimits.key("tag", t.getKey());
                LogLimits.value("tag", t.getKey(), t.getValue(), LogLimits.MAX_TAG_VALUE);
                ps.setString(1, runId);
                ps.setString(2, t.getKey());
                ps.setString(3, t.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void logInputs(Connection c, String runId, List<DatasetInput> inputs) throws SQLException {
        for (DatasetInput in : inputs) {
            if (in.name() == null || in.name().isBlank() || in.digest() == null || in.digest().isBlank()) {
                throw StoreException.invalid("a dataset input needs a name and a digest");
            }
            String tags;
            try {
                tags = JSON.writeValueAsString(new TreeMap<>(in.tags()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            Sql.update(c, "INSERT INTO dataset_inputs (run_id, name, digest, source_type, source, schema, profile, tags) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, name, digest) DO UPDATE SET tags = excluded.tags",
                    runId, in.name(), in.digest(), nonNull(in.sourceType()), nonNull(in.source()), in.schema(), in.profile(), tags);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static RunInfo activeInfo(Connection c, String runId) throws SQLException {
        RunInfo info = info(c, runId);
        if (info.stage() != LifecycleStage.ACTIVE) {
            throw new StoreException(StoreException.ErrorCode.INVALID_STATE, "run " + runId + " is deleted; restore it before logging to it");
        }
        return info;
    }

    static RunInfo info(Connection c, String runId) throws SQLException {
        List<RunInfo> found = Sql.list(c, "SELECT " + INFO_COLUMNS + " FROM runs r WHERE r.run_id = ?", JdbcRuns::info,
                requireId(runId));
        if (found.isEmpty()) {
            throw StoreException.notFound("no run with id " + runId);
        }
        return found.get(0);
    }

    private static String requireId(String runId) {
        if (runId == null || runId.isBlank()) {
            throw StoreException.invalid("a run id is required");
        }
        return runId;
    }

    private static RunInfo info(ResultSet rs) throws SQLException {
        long end = rs.getLong(7);
        Long endTime = rs.wasNull() ? null : end;
        return new RunInfo(rs.getString(1), Long.toString(rs.getLong(2)), rs.getString(3), rs.getString(4),
                RunStatus.valueOf(rs.getString(5)), rs.getLong(6), endTime, rs.getString(8), LifecycleStage.of(rs.getString(9)));
    }

    private static Metric metric(ResultSet rs) throws SQLException {
        double v = rs.getInt(3) == 1 ? Double.NaN : rs.getDouble(2);
        return new Metric(rs.getString(1), v, rs.getLong(4), rs.getLong(5));
    }

    /** Whole runs for the ids, in the order given (ids that do not exist are left out). */
    static List<Run> load(Connection c, List<String> ids) throws SQLException {
        Map<String, RunInfo> infos = new HashMap<>();
        Map<String, Map<String, String>> params = new HashMap<>();
        Map<String, Map<String, Metric>> metrics = new HashMap<>();
        Map<String, Map<String, String>> tags = new HashMap<>();
        Map<String, List<DatasetInput>> inputs = new HashMap<>();
        for (List<String> chunk : Chunks.of(ids)) {
            for (RunInfo info : Sql.list(c, new Sql().append("SELECT " + INFO_COLUMNS + " FROM runs r WHERE r.run_id IN ").in(chunk),
                    JdbcRuns::info)) {
                infos.put(info.runId(), info);
            }
            for (String[] kv : Sql.list(c, new Sql().append("SELECT run_id, key, value FROM params WHERE run_id IN ").in(chunk),
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
                params.computeIfAbsent(kv[0], k -> new HashMap<>()).put(kv[1], kv[2]);
            }
            for (String[] kv : Sql.list(c, new Sql().append("SELECT run_id, key, value FROM run_tags WHERE run_id IN ").in(chunk),
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
                tags.computeIfAbsent(kv[0], k -> new HashMap<>()).put(kv[1], kv[2]);
            }
            Sql latest = new Sql().append("SELECT run_id, key, value, is_nan, timestamp, step FROM latest_metrics WHERE run_id IN ")
                    .in(chunk);
            try (PreparedStatement ps = latest.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double v = rs.getInt(4) == 1 ? Double.NaN : rs.getDouble(3);
                    Metric m = new Metric(rs.getString(2), v, rs.getLong(5), rs.getLong(6));
                    metrics.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(m.key(), m);
                }
            }
            Sql ds = new Sql().append("SELECT run_id, name, digest, source_type, source, schema, profile, tags FROM dataset_inputs "
                    + "WHERE run_id IN ").in(chunk).append(" ORDER BY run_id, name, digest");
            try (PreparedStatement ps = ds.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inputs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new DatasetInput(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), tags(rs.getString(8))));
                }
            }
        }
        List<Run> out = new ArrayList<>();
        for (String id : ids) {
            RunInfo info = infos.get(id);
            if (info != null) {
                out.add(new Run(info, params.getOrDefault(id, Map.of()), metrics.getOrDefault(id, Map.of()),
                        tags.getOrDefault(id, Map.of()), inputs.getOrDefault(id, List.of())));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> tags(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new StoreException(StoreException.ErrorCode.INTERNAL_ERROR, "a dataset input's tags are not JSON: " + json);
        }
    }
}
