package dev.forja.store.jdbc;

import dev.forja.store.StoreException;
import dev.forja.store.predictions.Feedback;
import dev.forja.store.predictions.LoggedPrediction;
import dev.forja.store.predictions.MonitorAlert;
import dev.forja.store.predictions.PredictionLog;
import java.sql.PreparedStatement;
import java.util.List;

/** The prediction log in the JDBC store. */
final class JdbcPredictions implements PredictionLog {
    private final Database db;

    JdbcPredictions(Database db) {
        this.db = db;
    }

    @Override
    public void append(List<LoggedPrediction> predictions) {
        if (predictions.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO prediction_log (request_id, model, version, protocol, timestamp, "
                    + "latency_us, row_count, request, response) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (LoggedPrediction p : predictions) {
                    ps.setString(1, p.requestId());
                    ps.setString(2, p.model());
                    ps.setString(3, p.version());
                    ps.setString(4, p.protocol());
                    ps.setLong(5, p.timestamp());
                    ps.setLong(6, p.latencyMicros());
                    ps.setInt(7, p.rows());
                    ps.setString(8, p.request());
                    ps.setString(9, p.response());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void feedback(List<Feedback> feedback) {
        db.write(c -> {
            for (Feedback f : feedback) {
                List<Integer> rows = Sql.list(c, "SELECT row_count FROM prediction_log WHERE request_id = ?", rs -> rs.getInt(1), f.requestId());
                if (rows.isEmpty()) {
                    throw StoreException.notFound("no logged prediction with request id '" + f.requestId() + "'");
                }
                if (f.row() < 0 || f.row() >= rows.get(0)) {
                    throw StoreException.invalid("request '" + f.requestId() + "' had " + rows.get(0) + " row(s); row " + f.row() + " is not one");
                }
                Sql.update(c, "INSERT INTO prediction_feedback (request_id, row_index, actual, timestamp) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (request_id, row_index) DO UPDATE SET actual = excluded.actual, timestamp = excluded.timestamp",
                        f.requestId(), f.row(), f.actual(), f.timestamp());
            }
            return null;
        });
    }

    @Override
    public List<LoggedPrediction> predictions(String model, long from, long until) {
        return db.read(c -> Sql.list(c, "SELECT request_id, model, version, protocol, timestamp, latency_us, row_count, request, response "
                + "FROM prediction_log WHERE model = ? AND timestamp >= ? AND timestamp < ? ORDER BY timestamp, request_id",
                rs -> new LoggedPrediction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                        rs.getInt(7), rs.getString(8), rs.getString(9)), model, from, until));
    }

    @Override
    public List<Feedback> feedbackFor(String model, long from, long until) {
        return db.read(c -> Sql.list(c, "SELECT f.request_id, f.row_index, f.actual, f.timestamp FROM prediction_feedback f "
                + "JOIN prediction_log p ON p.request_id = f.request_id WHERE p.model = ? AND p.timestamp >= ? AND p.timestamp < ? "
                + "ORDER BY p.timestamp, f.request_id, f.row_index",
                rs -> new Feedback(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4)), model, from, until));
    }

    @Override
    public void scan(String model, long from, long until, java.util.function.Consumer<LoggedPrediction> each) {
        db.stream(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT request_id, model, version, protocol, timestamp, latency_us, row_count, request, "
                    + "response FROM prediction_log WHERE model = ? AND timestamp >= ? AND timestamp < ? ORDER BY timestamp, request_id")) {
                ps.setFetchSize(500);
                ps.setString(1, model);
                ps.setLong(2, from);
                ps.setLong(3, until);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new LoggedPrediction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                                rs.getLong(6), rs.getInt(7), rs.getString(8), rs.getString(9)));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public long firstTimestamp(String model) {
        List<Long> t = db.read(c -> Sql.list(c, "SELECT MIN(timestamp) FROM prediction_log WHERE model = ?", rs -> {
            long v = rs.getLong(1);
            return rs.wasNull() ? -1L : v;
        }, model));
        return t.isEmpty() ? -1 : t.get(0);
    }

    @Override
    public boolean alert(MonitorAlert a) {
        return db.write(c -> {
            List<Integer> existing = Sql.list(c, "SELECT 1 FROM monitor_alert WHERE model = ? AND rule = ? AND window_start = ?", rs -> 1,
                    a.model(), a.rule(), a.windowStart());
            if (!existing.isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO monitor_alert (alert_id, model, rule, window_start, window_end, value, created, "
                    + "actions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, a.alertId());
                ps.setString(2, a.model());
                ps.setString(3, a.rule());
                ps.setLong(4, a.windowStart());
                ps.setLong(5, a.windowEnd());
                if (Double.isNaN(a.value()) || Double.isInfinite(a.value())) {
                    ps.setNull(6, java.sql.Types.DOUBLE);
                } else {
                    ps.setDouble(6, a.value());
                }
                ps.setLong(7, a.created());
                ps.setString(8, a.actions());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<MonitorAlert> alerts(String model, long since) {
        return db.read(c -> Sql.list(c, "SELECT alert_id, model, rule, window_start, window_end, value, created, actions FROM monitor_alert "
                + "WHERE model = ? AND window_start >= ? ORDER BY window_start, rule", rs -> {
                    double v = rs.getDouble(6);
                    if (rs.wasNull()) {
                        v = Double.NaN;
                    }
                    return new MonitorAlert(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), v, rs.getLong(7),
                            rs.getString(8));
                }, model, since));
    }
}
