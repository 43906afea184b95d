package dev.forja.store.jdbc;

import dev.forja.store.Page;
import dev.forja.store.StoreException;
import dev.forja.store.registry.ModelRegistry;
import dev.forja.store.registry.ModelVersion;
import dev.forja.store.registry.RegisteredModel;
import dev.forja.store.search.Comparison;
import dev.forja.store.search.Entity;
import dev.forja.store.search.OrderClause;
import dev.forja.store.search.PageToken;
import dev.forja.store.search.SearchFilter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The model registry in the JDBC store. A deleted version keeps its row (stage {@code Deleted_Internal},
 * as MLflow does) so version numbers are never reused: {@code models:/churn/3} means one artifact forever.
 */
final class JdbcRegistry implements ModelRegistry {
    static final String DELETED_STAGE = "Deleted_Internal";
    static final int MAX_MODELS_PER_PAGE = 1000;
    static final int MAX_VERSIONS_PER_PAGE = 200_000;
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern VERSION_LIKE = Pattern.compile("[vV]\\d+");
    private static final String VERSION_COLUMNS = "v.name, v.version, v.creation_time, v.last_updated_time, v.current_stage, "
            + "v.description, v.user_id, v.source, v.run_id, v.run_link, v.status, v.status_message";

    private final Database db;

    JdbcRegistry(Database db) {
        this.db = db;
    }

    @Override
    public RegisteredModel createRegisteredModel(String name, String description, Map<String, String> tags) {
        requireName(name);
        return db.write(c -> {
            if (exists(c, name)) {
                throw StoreException.exists("registered model '" + name + "' already exists");
            }
            insertModel(c, name, description);
            for (Map.Entry<String, String> t : tags.entrySet()) {
                setModelTag(c, name, t.getKey(), t.getValue());
            }
            return model(c, name);
        });
    }

    private static void insertModel(Connection c, String name, String description) throws SQLException {
        long now = System.currentTimeMillis();
        Sql.update(c, "INSERT INTO registered_models (name, description, creation_time, last_updated_time) VALUES (?, ?, ?, ?)",
                name, description == null ? "" : description, now, now);
    }

    @Override
    public RegisteredModel getRegisteredModel(String name) {
        requireName(name);
        return db.read(c -> model(c, name));
    }

    @Override
    public RegisteredModel renameRegisteredModel(String name, String newName) {
        requireName(name);
        requireName(newName);
        return db.write(c -> {
            model(c, name);
            if (!name.equals(newName) && exists(c, newName)) {
                throw StoreException.exists("registered model '" + newName + "' already exists");
            }
            for (String table : List.of("registered_models", "registered_model_tags", "model_versions", "model_version_tags",
                    "registered_model_aliases")) {
                Sql.update(c, "UPDATE " + table + " SET name = ? WHERE name = ?", newName, name);
            }
            Sql.update(c, "UPDATE registered_models SET last_updated_time = ? WHERE name = ?", System.currentTimeMillis(), newName);
            return model(c, newName);
        });
    }

    @Override
    public RegisteredModel updateRegisteredModel(String name, String description) {
        requireName(name);
        return db.write(c -> {
            model(c, name);
            Sql.update(c, "UPDATE registered_models SET description = ?, last_updated_time = ? WHERE name = ?",
                    description == null ? "" : description, System.currentTimeMillis(), name);
            return model(c, name);
        });
    }

    @Override
    public void deleteRegisteredModel(String name) {
        requireName(name);
        db.write(c -> {
            model(c, name);
            for (String table : List.of("registered_model_aliases", "model_version_tags", "model_versions", "registered_model_tags",
                    "registered_models")) {
                Sql.update(c, "DELETE FROM " + table + " WHERE name = ?", name);
            }
            return null;
        });
    }

    @Override
    public Page<RegisteredModel> searchRegisteredModels(String filter, int maxResults, List<String> orderBy, String pageToken) {
        int limit = maxResults <= 0 ? 100 : maxResults;
        if (limit > MAX_MODELS_PER_PAGE) {
            throw StoreException.invalid("max_results " + maxResults + " is over the limit of " + MAX_MODELS_PER_PAGE);
        }
        int offset = PageToken.offset(pageToken);
        Sql sql = new Sql().append("SELECT m.name FROM registered_models m WHERE 1 = 1");
        int n = 0;
        for (Comparison cmp : SearchFilter.parse(filter)) {
            if (cmp.entity() == Entity.ATTRIBUTE && cmp.key().equals("name")) {
                Conditions.string(sql, "m.name", cmp, "name", db.dialect());
            } else if (cmp.entity() == Entity.TAG) {
                String a = "t" + n++;
                sql.append(" AND EXISTS (SELECT 1 FROM registered_model_tags " + a + " WHERE " + a + ".name = m.name AND " + a
                        + ".key = ?", cmp.key());
                Conditions.string(sql, a + ".value", cmp, "tags." + cmp.key(), db.dialect());
                sql.append(")");
            } else {
                throw StoreException.invalid("registered models can be searched by name and tags.<key>, not '" + cmp.key() + "'");
            }
        }
        sql.append(" ORDER BY ");
        for (OrderClause o : SearchFilter.orderBy(orderBy)) {
            String column = switch (o.entity() == Entity.ATTRIBUTE ? o.key() : "") {
                case "name" -> "m.name";
                case "creation_timestamp", "creation_time" -> "m.creation_time";
                case "last_updated_timestamp", "last_updated_time" -> "m.last_updated_time";
                default -> throw StoreException.invalid("registered models can be ordered by name, creation_timestamp or "
                        + "last_updated_timestamp, not '" + o.key() + "'");
            };
            sql.append(column + (o.ascending() ? " ASC, " : " DESC, "));
        }
        sql.append("m.name ASC LIMIT ? OFFSET ?", limit + 1, offset);
        return db.read(c -> {
            List<String> names = Sql.list(c, sql, rs -> rs.getString(1));
            boolean more = names.size() > limit;
            List<RegisteredModel> out = new ArrayList<>();
            for (String name : more ? names.subList(0, limit) : names) {
                out.add(model(c, name));
            }
            return new Page<>(out, more ? PageToken.of(offset + limit) : null);
        });
    }

    @Override
    public void setRegisteredModelTag(String name, String key, String value) {
        db.write(c -> {
            model(c, name);
            setModelTag(c, name, key, value);
            return null;
        });
    }

    private static void setModelTag(Connection c, String name, String key, String value) throws SQLException {
        LogLimits.key("registered model tag", key);
        LogLimits.value("registered model tag", key, value, LogLimits.MAX_TAG_VALUE);
        Sql.update(c, "INSERT INTO registered_model_tags (name, key, value) VALUES (?, ?, ?) "
                + "ON CONFLICT (name, key) DO UPDATE SET value = excluded.value", name, key, value);
    }

    @Override
    public void deleteRegisteredModelTag(String name, String key) {
        db.write(c -> {
            model(c, name);
            if (Sql.update(c, "DELETE FROM registered_model_tags WHERE name = ? AND key = ?", name, key) == 0) {
                throw StoreException.notFound("registered model '" + name + "' has no tag '" + key + "'");
            }
            return null;
        });
    }

    @Override
    public ModelVersion createModelVersion(String name, String source, String runId, String description, Map<String, String> tags) {
        requireName(name);
        return db.write(c -> {
            model(c, name);
            return insertVersion(c, name, source, runId, description, tags);
        });
    }

    @Override
    public ModelVersion registerModel(String name, String source, String runId, Map<String, String> tags) {
        requireName(name);
        return db.write(c -> {
            if (!exists(c, name)) {
                insertModel(c, name, "");
            }
            return insertVersion(c, name, source, runId, "", tags);
        });
    }

    private ModelVersion insertVersion(Connection c, String name, String source, String runId, String description,
                                       Map<String, String> tags) throws SQLException {
        if (source == null || source.isBlank()) {
            throw StoreException.invalid("a model version needs a source: the model's URI or path");
        }
        if (runId != null && !runId.isBlank()) {
            JdbcRuns.info(c, runId);
        }
        long now = System.currentTimeMillis();
        // Touching the model row first serialises concurrent version creation on PostgreSQL (row lock);
        // SQLite's write lock already does.
        Sql.update(c, "UPDATE registered_models SET last_updated_time = ? WHERE name = ?", now, name);
        long version = Sql.list(c, "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE name = ?", rs -> rs.getLong(1),
                name).get(0);
        Sql.update(c, "INSERT INTO model_versions (name, version, description, user_id, source, run_id, run_link, status, "
                        + "status_message, current_stage, creation_time, last_updated_time) VALUES (?, ?, ?, '', ?, ?, '', ?, '', 'None', ?, ?)",
                name, version, description == null ? "" : description, source, runId == null || runId.isBlank() ? null : runId,
                ModelVersion.READY, now, now);
        for (Map.Entry<String, String> t : tags.entrySet()) {
            setVersionTag(c, name, version, t.getKey(), t.getValue());
        }
        return version(c, name, version);
    }

    @Override
    public ModelVersion getModelVersion(String name, long version) {
        requireName(name);
        return db.read(c -> version(c, name, version));
    }

    @Override
    public ModelVersion updateModelVersion(String name, long version, String description) {
        return db.write(c -> {
            version(c, name, version);
            Sql.update(c, "UPDATE model_versions SET description = ?, last_updated_time = ? WHERE name = ? AND version = ?",
                    description == null ? "" : description, System.currentTimeMillis(), name, version);
            return version(c, name, version);
        });
    }

    @Override
    public void deleteModelVersion(String name, long version) {
        db.write(c -> {
            version(c, name, version);
            long now = System.currentTimeMillis();
            Sql.update(c, "UPDATE model_versions SET current_stage = ?, description = '', source = 'REDACTED-SOURCE-PATH', "
                    + "last_updated_time = ? WHERE name = ? AND version = ?", DELETED_STAGE, now, name, version);
            Sql.update(c, "DELETE FROM model_version_tags WHERE name = ? AND version = ?", name, version);
            Sql.update(c, "DELETE FROM registered_model_aliases WHERE name = ? AND version = ?", name, version);
            return Sql.update(c, "UPDATE registered_models SET last_updated_time = ? WHERE name = ?", now, name);
        });
    }

    @Override
    public Page<ModelVersion> searchModelVersions(String filter, int maxResults, List<String> orderBy, String pageToken) {
        int limit = maxResults <= 0 ? 10_000 : maxResults;
        if (limit > MAX_VERSIONS_PER_PAGE) {
            throw StoreException.invalid("max_results " + maxResults + " is over the limit of " + MAX_VERSIONS_PER_PAGE);
        }
        int offset = PageToken.offset(pageToken);
        Sql sql = new Sql().append("SELECT " + VERSION_COLUMNS + " FROM model_versions v WHERE v.current_stage <> ?", DELETED_STAGE);
        int n = 0;
        for (Comparison cmp : SearchFilter.parse(filter)) {
            if (cmp.entity() == Entity.TAG) {
                String a = "t" + n++;
                sql.append(" AND EXISTS (SELECT 1 FROM model_version_tags " + a + " WHERE " + a + ".name = v.name AND " + a
                        + ".version = v.version AND " + a + ".key = ?", cmp.key());
                Conditions.string(sql, a + ".value", cmp, "tags." + cmp.key(), db.dialect());
                sql.append(")");
                continue;
            }
            if (cmp.entity() != Entity.ATTRIBUTE) {
                throw StoreException.invalid("model versions can be searched by name, run_id, source_path, version_number and tags.<key>");
            }
            switch (cmp.key()) {
                case "name" -> Conditions.string(sql, "v.name", cmp, "name", db.dialect());
                case "run_id" -> Conditions.string(sql, "v.run_id", cmp, "run_id", db.dialect());
                case "source_path", "source" -> Conditions.string(sql, "v.source", cmp, "source_path", db.dialect());
                case "version_number", "version" -> Conditions.integral(sql, "v.version", cmp, "version_number");
                default -> throw StoreException.invalid("model versions can be searched by name, run_id, source_path, "
                        + "version_number and tags.<key>, not '" + cmp.key() + "'");
            }
        }
        sql.append(" ORDER BY ");
        for (OrderClause o : SearchFilter.orderBy(orderBy)) {
            String column = switch (o.entity() == Entity.ATTRIBUTE ? o.key() : "") {
                case "name" -> "v.name";
                case "version_number", "version" -> "v.version";
                case "creation_timestamp" -> "v.creation_time";
                case "last_updated_timestamp" -> "v.last_updated_time";
                default -> throw StoreException.invalid("model versions can be ordered by name, version_number, creation_timestamp "
                        + "or last_updated_timestamp, not '" + o.key() + "'");
            };
            sql.append(column + (o.ascending() ? " ASC, " : " DESC, "));
        }
        sql.append("v.name ASC, v.version DESC LIMIT ? OFFSET ?", limit + 1, offset);
        return db.read(c -> {
            List<ModelVersion> found = versions(c, sql);
            boolean more = found.size() > limit;
            return new Page<>(more ? found.subList(0, limit) : found, more ? PageToken.of(offset + limit) : null);
        });
    }

    @Override
    public List<ModelVersion> latestVersions(String name, List<String> stages) {
        requireName(name);
        return db.read(c -> {
            model(c, name);
            return latest(c, name, stages);
        });
    }

    private static List<ModelVersion> latest(Connection c, String name, List<String> stages) throws SQLException {
        List<ModelVersion> all = versions(c, new Sql().append("SELECT " + VERSION_COLUMNS + " FROM model_versions v WHERE v.name = ? "
                + "AND v.current_stage <> ? ORDER BY v.version DESC", name, DELETED_STAGE));
        Map<String, ModelVersion> perStage = new LinkedHashMap<>();
        for (ModelVersion v : all) {
            boolean wanted = stages == null || stages.isEmpty()
                    || stages.stream().anyMatch(s -> s.equalsIgnoreCase(v.currentStage()));
            if (wanted) {
                perStage.putIfAbsent(v.currentStage(), v);
            }
        }
        return new ArrayList<>(perStage.values());
    }

    @Override
    public void setModelVersionTag(String name, long version, String key, String value) {
        db.write(c -> {
            version(c, name, version);
            setVersionTag(c, name, version, key, value);
            return null;
        });
    }

    private static void setVersionTag(Connection c, String name, long version, String key, String value) throws SQLException {
        LogLimits.key("model version tag", key);
        LogLimits.value("model version tag", key, value, LogLimits.MAX_TAG_VALUE);
        Sql.update(c, "INSERT INTO model_version_tags (name, version, key, value) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (name, version, key) DO UPDATE SET value = excluded.value", name, version, key, value);
    }

    @Override
    public void deleteModelVersionTag(String name, long version, String key) {
        db.write(c -> {
            version(c, name, version);
            if (Sql.update(c, "DELETE FROM model_version_tags WHERE name = ? AND version = ? AND key = ?", name, version, key) == 0) {
                throw StoreException.notFound("version " + version + " of '" + name + "' has no tag '" + key + "'");
            }
            return null;
        });
    }

    @Override
    public void setAlias(String name, String alias, long version) {
        requireAlias(alias);
        db.write(c -> {
            version(c, name, version);
            Sql.update(c, "INSERT INTO registered_model_aliases (name, alias, version) VALUES (?, ?, ?) "
                    + "ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version", name, alias, version);
            return Sql.update(c, "UPDATE registered_models SET last_updated_time = ? WHERE name = ?", System.currentTimeMillis(), name);
        });
    }

    @Override
    public void deleteAlias(String name, String alias) {
        db.write(c -> {
            model(c, name);
            if (Sql.update(c, "DELETE FROM registered_model_aliases WHERE name = ? AND alias = ?", name, alias) == 0) {
                throw StoreException.notFound("registered model '" + name + "' has no alias '" + alias + "'");
            }
            return null;
        });
    }

    @Override
    public ModelVersion getVersionByAlias(String name, String alias) {
        requireName(name);
        return db.read(c -> {
            model(c, name);
            List<Long> v = Sql.list(c, "SELECT version FROM registered_model_aliases WHERE name = ? AND alias = ?", rs -> rs.getLong(1),
                    name, alias);
            if (v.isEmpty()) {
                throw StoreException.notFound("registered model '" + name + "' has no alias '" + alias + "'");
            }
            return version(c, name, v.get(0));
        });
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        return !Sql.list(c, "SELECT 1 FROM registered_models WHERE name = ?", rs -> 1, name).isEmpty();
    }

    private static RegisteredModel model(Connection c, String name) throws SQLException {
        List<Object[]> rows = Sql.list(c, "SELECT name, creation_time, last_updated_time, description FROM registered_models "
                + "WHERE name = ?", rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)}, name);
        if (rows.isEmpty()) {
            throw StoreException.notFound("no registered model named '" + name + "'");
        }
        Object[] r = rows.get(0);
        Map<String, String> tags = new HashMap<>();
        for (String[] kv : Sql.list(c, "SELECT key, value FROM registered_model_tags WHERE name = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, name)) {
            tags.put(kv[0], kv[1]);
        }
        Map<String, Long> aliases = new TreeMap<>();
        for (Object[] a : Sql.list(c, "SELECT alias, version FROM registered_model_aliases WHERE name = ?",
                rs -> new Object[] {rs.getString(1), rs.getLong(2)}, name)) {
            aliases.put((String) a[0], (Long) a[1]);
        }
        return new RegisteredModel(name, (Long) r[1], (Long) r[2], (String) r[3], latest(c, name, List.of()), tags, aliases);
    }

    private static ModelVersion version(Connection c, String name, long version) throws SQLException {
        List<ModelVersion> found = versions(c, new Sql().append("SELECT " + VERSION_COLUMNS + " FROM model_versions v WHERE v.name = ? "
                + "AND v.version = ? AND v.current_stage <> ?", name, version, DELETED_STAGE));
        if (found.isEmpty()) {
            if (!exists(c, name)) {
                throw StoreException.notFound("no registered model named '" + name + "'");
            }
            throw StoreException.notFound("registered model '" + name + "' has no version " + version);
        }
        return found.get(0);
    }

    private static List<ModelVersion> versions(Connection c, Sql sql) throws SQLException {
        List<Object[]> rows = Sql.list(c, sql, JdbcRegistry::versionRow);
        List<ModelVersion> out = new ArrayList<>(rows.size());
        Map<String, Map<Long, Map<String, String>>> tags = new HashMap<>();
        Map<String, Map<Long, List<String>>> aliases = new HashMap<>();
        List<String> names = rows.stream().map(r -> (String) r[0]).distinct().toList();
        for (List<String> chunk : Chunks.of(names)) {
            for (Object[] t : Sql.list(c, new Sql().append("SELECT name, version, key, value FROM model_version_tags WHERE name IN ")
                    .in(chunk), rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)})) {
                tags.computeIfAbsent((String) t[0], k -> new HashMap<>()).computeIfAbsent((Long) t[1], k -> new HashMap<>())
                        .put((String) t[2], (String) t[3]);
            }
            for (Object[] a : Sql.list(c, new Sql().append("SELECT name, version, alias FROM registered_model_aliases WHERE name IN ")
                    .in(chunk).append(" ORDER BY alias"), rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3)})) {
                aliases.computeIfAbsent((String) a[0], k -> new HashMap<>()).computeIfAbsent((Long) a[1], k -> new ArrayList<>())
                        .add((String) a[2]);
            }
        }
        for (Object[] r : rows) {
            String name = (String) r[0];
            long v = (Long) r[1];
            out.add(new ModelVersion(name, v, (Long) r[2], (Long) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                    (String) r[8], (String) r[9], (String) r[10], (String) r[11],
                    tags.getOrDefault(name, Map.of()).getOrDefault(v, Map.of()),
                    aliases.getOrDefault(name, Map.of()).getOrDefault(v, List.of())));
        }
        return out;
    }

    private static Object[] versionRow(ResultSet rs) throws SQLException {
        return new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)};
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw StoreException.invalid("a registered model needs a name");
        }
        if (name.length() > LogLimits.MAX_KEY) {
            throw StoreException.invalid("registered model name is " + name.length() + " characters; the limit is " + LogLimits.MAX_KEY);
        }
    }

    private static void requireAlias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw StoreException.invalid("alias '" + alias + "' may hold only letters, digits, '_' and '-'");
        }
        if (alias.equalsIgnoreCase("latest") || VERSION_LIKE.matcher(alias).matches()) {
            throw StoreException.invalid("alias '" + alias + "' is reserved: 'latest' and v<number> already name versions in model URIs");
        }
    }
}
