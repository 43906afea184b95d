package dev.forja.store.jdbc;

/** The two databases the store runs on. The schema and almost every statement are shared. */
public enum Dialect {
    SQLITE, POSTGRESQL
}
