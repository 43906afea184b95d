package dev.forja.store.jdbc;

import dev.forja.store.StoreException;
import dev.forja.store.search.Comparison;
import dev.forja.store.search.Entity;
import dev.forja.store.search.OrderClause;
import dev.forja.store.search.SearchFilter;
import dev.forja.store.tracking.LifecycleStage;
import dev.forja.store.tracking.RunSearch;
import java.util.List;

/**
 * Compiles a run search (MLflow's filter and order-by syntax) into one SQL query over run ids. Each
 * metric or param in the filter becomes a join on its indexed table, each order key a left join, so
 * the database does the work and only the requested page of runs is loaded afterwards.
 */
final class RunQuery {
    private RunQuery() {
    }

    /** {@code SELECT r.run_id …} for the page: {@code limit} rows from {@code offset}. */
    static Sql compile(RunSearch search, Dialect dialect, int limit, int offset) {
        if (search.experimentIds().isEmpty()) {
            throw StoreException.invalid("a run search needs at least one experiment id");
        }
        List<Long> experiments = search.experimentIds().stream().map(JdbcExperiments::parseId).toList();
        List<Comparison> filter = SearchFilter.parse(search.filter());
        List<OrderClause> order = SearchFilter.orderBy(search.orderBy());

        Sql joins = new Sql();
        Sql where = new Sql().append(" WHERE r.experiment_id IN ").in(experiments).append(" AND r.lifecycle_stage IN ")
                .in(search.view().stages().stream().map(LifecycleStage::id).toList());
        int n = 0;
        java.util.Map<String, String> metricJoins = new java.util.HashMap<>();
        for (Comparison c : filter) {
            String a = "f" + n++;
            switch (c.entity()) {
                case METRIC -> {
                    metricJoins.putIfAbsent(c.key(), a);
                    joins.append(" JOIN latest_metrics " + a + " ON " + a + ".run_id = r.run_id AND " + a + ".key = ?", c.key());
                    where.append(" AND " + a + ".is_nan = 0");
                    Conditions.numeric(where, a + ".value", c, "metrics." + c.key());
                }
                case PARAM -> {
                    joins.append(" JOIN params " + a + " ON " + a + ".run_id = r.run_id AND " + a + ".key = ?", c.key());
                    Conditions.string(where, a + ".value", c, "params." + c.key(), dialect);
                }
                case TAG -> tag(where, a, c, dialect);
                case ATTRIBUTE -> attribute(where, c, dialect);
                case DATASET -> dataset(where, a, c, dialect);
                default -> throw new IllegalStateException(c.entity().name());
            }
        }

        Sql orderSql = new Sql().append(" ORDER BY ");
        int o = 0;
        for (OrderClause clause : order) {
            String dir = clause.ascending() ? " ASC" : " DESC";
            String a = "o" + o++;
            switch (clause.entity()) {
                case METRIC -> {
                    String filtered = metricJoins.get(clause.key());
                    if (filtered != null) {
                        // Filtered on the same metric: every run has it and it is not NaN, and ordering on the
                        // filter's join lets the (key, value) index deliver rows in order, so the database
                        // stops after one page instead of sorting every match.
                        orderSql.append(filtered + ".value" + dir + ", ");
                        continue;
                    }
                    joins.append(" LEFT JOIN latest_metrics " + a + " ON " + a + ".run_id = r.run_id AND " + a + ".key = ?", clause.key());
                    // Runs without the metric last; NaN above every number, as a sort on floats puts it.
                    orderSql.append("CASE WHEN " + a + ".value IS NULL THEN 1 ELSE 0 END, " + a + ".is_nan" + dir + ", " + a + ".value"
                            + dir + ", ");
                }
                case PARAM, TAG -> {
                    String table = clause.entity() == Entity.PARAM ? "params" : "run_tags";
                    joins.append(" LEFT JOIN " + table + " " + a + " ON " + a + ".run_id = r.run_id AND " + a + ".key = ?", clause.key());
                    orderSql.append("CASE WHEN " + a + ".value IS NULL THEN 1 ELSE 0 END, " + a + ".value" + dir + ", ");
                }
                case ATTRIBUTE -> orderSql.append(attributeColumn(clause.key(), true) + dir + ", ");
                default -> throw StoreException.invalid("runs cannot be ordered by datasets." + clause.key());
            }
        }
        orderSql.append("r.start_time DESC, r.run_id ASC LIMIT ? OFFSET ?", limit, offset);
        return new Sql().append("SELECT r.run_id FROM runs r").append(joins).append(where).append(orderSql);
    }

    private static void tag(Sql where, String a, Comparison c, Dialect dialect) {
        switch (c.comparator()) {
            case "IS NULL" -> where.append(" AND NOT EXISTS (SELECT 1 FROM run_tags " + a + " WHERE " + a + ".run_id = r.run_id AND "
                    + a + ".key = ?)", c.key());
            case "IS NOT NULL" -> where.append(" AND EXISTS (SELECT 1 FROM run_tags " + a + " WHERE " + a + ".run_id = r.run_id AND "
                    + a + ".key = ?)", c.key());
            default -> {
                where.append(" AND EXISTS (SELECT 1 FROM run_tags " + a + " WHERE " + a + ".run_id = r.run_id AND " + a + ".key = ?",
                        c.key());
                Conditions.string(where, a + ".value", c, "tags." + c.key(), dialect);
                where.append(")");
            }
        }
    }

    private static void attribute(Sql where, Comparison c, Dialect dialect) {
        String column = attributeColumn(c.key(), false);
        switch (c.key()) {
            case "start_time", "end_time", "created", "Created" -> Conditions.integral(where, column, c, "attributes." + c.key());
            default -> {
                if (c.comparator().equals("IS NULL") || c.comparator().equals("IS NOT NULL")) {
                    throw StoreException.invalid("attributes." + c.key() + " is never null; IS NULL applies to tags");
                }
                Conditions.string(where, column, c, "attributes." + c.key(), dialect);
            }
        }
    }

    private static String attributeColumn(String key, boolean forOrder) {
        return switch (key) {
            case "run_id", "run_uuid" -> "r.run_id";
            case "run_name", "runName" -> "r.run_name";
            case "status" -> "r.status";
            case "user_id" -> "r.user_id";
            case "artifact_uri" -> "r.artifact_uri";
            case "start_time", "created", "Created" -> "r.start_time";
            case "end_time" -> "r.end_time";
            case "lifecycle_stage" -> "r.lifecycle_stage";
            case "experiment_id" -> "r.experiment_id";
            default -> throw StoreException.invalid("'" + key + "' is not a run attribute; "
                    + (forOrder ? "order" : "filter") + " by run_id, run_name, status, user_id, artifact_uri, start_time or end_time, "
                    + "or prefix it with metrics., params. or tags.");
        };
    }

    private static void dataset(Sql where, String a, Comparison c, Dialect dialect) {
        String column = switch (c.key()) {
            case "name" -> a + ".name";
            case "digest" -> a + ".digest";
            case "context" -> a + ".tags";
            default -> throw StoreException.invalid("datasets can be filtered by name, digest or context, not '" + c.key() + "'");
        };
        where.append(" AND EXISTS (SELECT 1 FROM dataset_inputs " + a + " WHERE " + a + ".run_id = r.run_id");
        if (c.key().equals("context")) {
            // The context is a tag kept in the inputs' JSON tags; match it as its exact JSON member.
            if (!c.comparator().equals("=") || !(c.value() instanceof String v)) {
                throw StoreException.invalid("datasets.context takes = 'training' (or another context)");
            }
            where.append(" AND " + column + " LIKE ?", "%\"mlflow.data.context\":\"" + v + "\"%");
        } else {
            Conditions.string(where, column, c, "datasets." + c.key(), dialect);
        }
        where.append(")");
    }
}
