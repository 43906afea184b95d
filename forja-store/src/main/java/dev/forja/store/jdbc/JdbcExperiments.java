package dev.forja.store.jdbc;

import dev.forja.store.Page;
import dev.forja.store.StoreException;
import dev.forja.store.search.Comparison;
import dev.forja.store.search.OrderClause;
import dev.forja.store.search.PageToken;
import dev.forja.store.search.SearchFilter;
import dev.forja.store.tracking.Experiment;
import dev.forja.store.tracking.LifecycleStage;
import dev.forja.store.tracking.TrackingStore;
import dev.forja.store.tracking.ViewType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Experiments in the JDBC store: create, find, search, rename, soft-delete and restore. */
final class JdbcExperiments {
    static final int MAX_SEARCH_RESULTS = 50_000;
    private static final String COLUMNS = "experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time";

    private final Database db;

    JdbcExperiments(Database db) {
        this.db = db;
        long now = System.currentTimeMillis();
        db.write(c -> Sql.update(c, "INSERT INTO experiments (" + COLUMNS + ") VALUES (0, ?, ?, 'active', ?, ?) ON CONFLICT DO NOTHING",
                TrackingStore.DEFAULT_EXPERIMENT_NAME, artifactLocation(0), now, now));
    }

    /** Where an experiment's runs keep their artifacts: served by the artifact endpoints, as MLflow's server does. */
    static String artifactLocation(long experimentId) {
        return "mlflow-artifacts:/" + experimentId;
    }

    String create(String name, String artifactLocation, Map<String, String> tags) {
        if (name == null || name.isBlank()) {
            throw StoreException.invalid("an experiment needs a name");
        }
        LogLimits.value("experiment name", name, name, LogLimits.MAX_KEY);
        return db.write(c -> {
            if (db.dialect() == Dialect.POSTGRESQL) {
                // Ids are max + 1; two teams creating experiments at once must not pick the same one.
                Sql.update(c, "LOCK TABLE experiments IN EXCLUSIVE MODE");
            }
            Optional<Experiment> existing = byName(c, name);
            if (existing.isPresent()) {
                throw StoreException.exists("experiment '" + name + "' already exists"
                        + (existing.get().stage() == LifecycleStage.DELETED ? " in the deleted state; restore it or pick another name" : ""));
            }
            long id = Sql.list(c, "SELECT COALESCE(MAX(experiment_id), 0) + 1 FROM experiments", rs -> rs.getLong(1)).get(0);
            long now = System.currentTimeMillis();
            String location = artifactLocation == null || artifactLocation.isBlank() ? artifactLocation(id) : artifactLocation;
            Sql.update(c, "INSERT INTO experiments (" + COLUMNS + ") VALUES (?, ?, ?, 'active', ?, ?)", id, name, location, now, now);
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                setTag(c, id, tag.getKey(), tag.getValue());
            }
            return Long.toString(id);
        });
    }

    Experiment get(String experimentId) {
        long id = parseId(experimentId);
        return db.read(c -> get(c, id));
    }

    static Experiment get(Connection c, long id) throws SQLException {
        List<Experiment> found = load(c, new Sql().append("SELECT " + COLUMNS + " FROM experiments WHERE experiment_id = ?", id));
        if (found.isEmpty()) {
            throw StoreException.notFound("no experiment with id " + id);
        }
        return found.get(0);
    }

    Optional<Experiment> findByName(String name) {
        return db.read(c -> byName(c, name));
    }

    private static Optional<Experiment> byName(Connection c, String name) throws SQLException {
        return load(c, new Sql().append("SELECT " + COLUMNS + " FROM experiments WHERE name = ?", name)).stream().findFirst();
    }

    Page<Experiment> search(String filter, ViewType view, int maxResults, List<String> orderBy, String pageToken) {
        int limit = maxResults <= 0 ? 1000 : maxResults;
        if (limit > MAX_SEARCH_RESULTS) {
            throw StoreException.invalid("max_results " + maxResults + " is over the limit of " + MAX_SEARCH_RESULTS);
        }
        int offset = PageToken.offset(pageToken);
        Sql sql = new Sql().append("SELECT " + COLUMNS + " FROM experiments e WHERE e.lifecycle_stage IN ");
        sql.in(stages(view));
        int tagJoin = 0;
        for (Comparison cmp : SearchFilter.parse(filter)) {
            switch (cmp.entity()) {
                case ATTRIBUTE -> {
                    switch (cmp.key()) {
                        case "name" -> Conditions.string(sql, "e.name", cmp, "name", db.dialect());
                        case "creation_time" -> Conditions.integral(sql, "e.creation_time", cmp, "creation_time");
                        case "last_update_time" -> Conditions.integral(sql, "e.last_update_time", cmp, "last_update_time");
                        case "experiment_id" -> Conditions.integral(sql, "e.experiment_id", cmp, "experiment_id");
                        default -> throw StoreException.invalid("experiments can be searched by name, creation_time, "
                                + "last_update_time and tags.<key>, not '" + cmp.key() + "'");
                    }
                }
                case TAG -> {
                    String alias = "t" + tagJoin++;
                    sql.append(" AND EXISTS (SELECT 1 FROM experiment_tags " + alias + " WHERE " + alias
                            + ".experiment_id = e.experiment_id AND " + alias + ".key = ?", cmp.key());
                    Conditions.string(sql, alias + ".value", cmp, "tags." + cmp.key(), db.dialect());
                    sql.append(")");
                }
                default -> throw StoreException.invalid("experiments can be searched by attributes and tags, not "
                        + cmp.entity().name().toLowerCase() + "s." + cmp.key());
            }
        }
        sql.append(" ORDER BY ");
        for (OrderClause o : SearchFilter.orderBy(orderBy)) {
            String column = switch (o.entity() == dev.forja.store.search.Entity.ATTRIBUTE ? o.key() : "") {
                case "name" -> "e.name";
                case "experiment_id" -> "e.experiment_id";
                case "creation_time" -> "e.creation_time";
                case "last_update_time" -> "e.last_update_time";
                default -> throw StoreException.invalid("experiments can be ordered by name, experiment_id, creation_time or "
                        + "last_update_time, not '" + o.key() + "'");
            };
            sql.append(column + (o.ascending() ? " ASC, " : " DESC, "));
        }
        sql.append("e.creation_time DESC, e.experiment_id ASC LIMIT ? OFFSET ?", limit + 1, offset);
        return db.read(c -> {
            List<Experiment> found = load(c, sql);
            if (found.size() > limit) {
                return new Page<>(found.subList(0, limit), PageToken.of(offset + limit));
            }
            return new Page<>(found, null);
        });
    }

    void rename(String experimentId, String newName) {
        long id = parseId(experimentId);
        if (newName == null || newName.isBlank()) {
            throw StoreException.invalid("the new experiment name must not be empty");
        }
        db.write(c -> {
            Experiment e = get(c, id);
            requireActive(e);
            Optional<Experiment> clash = byName(c, newName);
            if (clash.isPresent() && !clash.get().id().equals(e.id())) {
                throw StoreException.exists("experiment '" + newName + "' already exists");
            }
            return Sql.update(c, "UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?", newName,
                    System.currentTimeMillis(), id);
        });
    }

    /** Soft-deletes the experiment and its runs, as MLflow does; both can be restored. */
    void delete(String experimentId) {
        long id = parseId(experimentId);
        if (id == 0) {
            throw StoreException.invalid("the Default experiment (id 0) cannot be deleted: runs without --experiment go there");
        }
        db.write(c -> {
            get(c, id);
            long now = System.currentTimeMillis();
            Sql.update(c, "UPDATE experiments SET lifecycle_stage = 'deleted', last_update_time = ? WHERE experiment_id = ?", now, id);
            return Sql.update(c, "UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ? WHERE experiment_id = ? "
                    + "AND lifecycle_stage = 'active'", now, id);
        });
    }

    void restore(String experimentId) {
        long id = parseId(experimentId);
        db.write(c -> {
            Experiment e = get(c, id);
            if (e.stage() != LifecycleStage.DELETED) {
                throw new StoreException(StoreException.ErrorCode.INVALID_STATE, "experiment " + id + " is not deleted");
            }
            long now = System.currentTimeMillis();
            Sql.update(c, "UPDATE experiments SET lifecycle_stage = 'active', last_update_time = ? WHERE experiment_id = ?", now, id);
            return Sql.update(c, "UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL WHERE experiment_id = ?", id);
        });
    }

    void setTag(String experimentId, String key, String value) {
        long id = parseId(experimentId);
        db.write(c -> {
            requireActive(get(c, id));
            setTag(c, id, key, value);
            return null;
        });
    }

    private static void setTag(Connection c, long id, String key, String value) throws SQLException {
        LogLimits.key("experiment tag", key);
        LogLimits.value("experiment tag", key, value, LogLimits.MAX_TAG_VALUE);
        Sql.update(c, "INSERT INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?) "
                + "ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value", id, key, value);
    }

    static void requireActive(Experiment e) {
        if (e.stage() != LifecycleStage.ACTIVE) {
            throw new StoreException(StoreException.ErrorCode.INVALID_STATE, "experiment '" + e.name() + "' (id " + e.id()
                    + ") is deleted; restore it first");
        }
    }

    static long parseId(String experimentId) {
        try {
            return Long.parseLong(experimentId.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw StoreException.invalid("experiment id '" + experimentId + "' is not a number");
        }
    }

    private static List<String> stages(ViewType view) {
        return (view == null ? ViewType.ACTIVE_ONLY : view).stages().stream().map(LifecycleStage::id).toList();
    }

    private static List<Experiment> load(Connection c, Sql sql) throws SQLException {
        List<Object[]> rows = Sql.list(c, sql, JdbcExperiments::row);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, String>> tags = new HashMap<>();
        List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
        for (List<Long> chunk : Chunks.of(ids)) {
            Sql q = new Sql().append("SELECT experiment_id, key, value FROM experiment_tags WHERE experiment_id IN ").in(chunk);
            for (Object[] t : Sql.list(c, q, rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})) {
                tags.computeIfAbsent((Long) t[0], k -> new HashMap<>()).put((String) t[1], (String) t[2]);
            }
        }
        List<Experiment> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Experiment(Long.toString((Long) r[0]), (String) r[1], (String) r[2], LifecycleStage.of((String) r[3]),
                    (Long) r[4], (Long) r[5], tags.getOrDefault((Long) r[0], Map.of())));
        }
        return out;
    }

    private static Object[] row(ResultSet rs) throws SQLException {
        return new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6)};
    }
}
