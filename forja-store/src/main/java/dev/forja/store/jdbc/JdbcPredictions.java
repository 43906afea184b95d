package dev.forja.store.jdbc;

import dev.forja.store.StoreException;
import dev.forja.store.predictions.Feedback;
import dev.forja.store.predictions.LoggedPrediction;
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
}
