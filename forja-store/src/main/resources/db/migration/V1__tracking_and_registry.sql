-- Forja's store schema, version 1. The same file runs on SQLite and PostgreSQL, so it keeps to the
-- types and syntax both understand. Concepts and names follow MLflow's so the REST API maps 1:1.
-- Identifiers that are names (registered models) are not declared as foreign keys: renaming a model
-- rewrites its children inside one transaction instead of relying on ON UPDATE CASCADE.

CREATE TABLE experiments (
    experiment_id     BIGINT PRIMARY KEY,
    name              TEXT   NOT NULL UNIQUE,
    artifact_location TEXT   NOT NULL,
    lifecycle_stage   TEXT   NOT NULL,
    creation_time     BIGINT NOT NULL,
    last_update_time  BIGINT NOT NULL
);

CREATE TABLE experiment_tags (
    experiment_id BIGINT NOT NULL REFERENCES experiments (experiment_id),
    key           TEXT   NOT NULL,
    value         TEXT   NOT NULL,
    PRIMARY KEY (experiment_id, key)
);

CREATE TABLE runs (
    run_id          TEXT   PRIMARY KEY,
    experiment_id   BIGINT NOT NULL REFERENCES experiments (experiment_id),
    run_name        TEXT   NOT NULL,
    user_id         TEXT   NOT NULL,
    status          TEXT   NOT NULL,
    start_time      BIGINT NOT NULL,
    end_time        BIGINT,
    lifecycle_stage TEXT   NOT NULL,
    artifact_uri    TEXT   NOT NULL,
    deleted_time    BIGINT
);
CREATE INDEX runs_by_experiment ON runs (experiment_id, lifecycle_stage, start_time);

CREATE TABLE params (
    run_id TEXT NOT NULL REFERENCES runs (run_id),
    key    TEXT NOT NULL,
    value  TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE INDEX params_by_key ON params (key, value);

CREATE TABLE run_tags (
    run_id TEXT NOT NULL REFERENCES runs (run_id),
    key    TEXT NOT NULL,
    value  TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE INDEX run_tags_by_key ON run_tags (key, value);

-- Every logged point. NaN is stored as value 0 with is_nan = 1: SQLite turns a NaN REAL into NULL.
CREATE TABLE metrics (
    run_id    TEXT             NOT NULL REFERENCES runs (run_id),
    key       TEXT             NOT NULL,
    value     DOUBLE PRECISION NOT NULL,
    is_nan    SMALLINT         NOT NULL,
    timestamp BIGINT           NOT NULL,
    step      BIGINT           NOT NULL
);
CREATE INDEX metrics_history ON metrics (run_id, key, step);

-- The point a run reports for each metric (highest step, then latest timestamp, then largest value,
-- as MLflow decides), kept up to date on every write so searches never scan the history.
CREATE TABLE latest_metrics (
    run_id    TEXT             NOT NULL REFERENCES runs (run_id),
    key       TEXT             NOT NULL,
    value     DOUBLE PRECISION NOT NULL,
    is_nan    SMALLINT         NOT NULL,
    timestamp BIGINT           NOT NULL,
    step      BIGINT           NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE INDEX latest_metrics_by_value ON latest_metrics (key, value);

CREATE TABLE dataset_inputs (
    run_id      TEXT NOT NULL REFERENCES runs (run_id),
    name        TEXT NOT NULL,
    digest      TEXT NOT NULL,
    source_type TEXT NOT NULL,
    source      TEXT NOT NULL,
    schema      TEXT,
    profile     TEXT,
    tags        TEXT NOT NULL,
    PRIMARY KEY (run_id, name, digest)
);

CREATE TABLE registered_models (
    name              TEXT   PRIMARY KEY,
    description       TEXT   NOT NULL,
    creation_time     BIGINT NOT NULL,
    last_updated_time BIGINT NOT NULL
);

CREATE TABLE registered_model_tags (
    name  TEXT NOT NULL,
    key   TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (name, key)
);

CREATE TABLE model_versions (
    name              TEXT    NOT NULL,
    version           INTEGER NOT NULL,
    description       TEXT    NOT NULL,
    user_id           TEXT    NOT NULL,
    source            TEXT    NOT NULL,
    run_id            TEXT,
    run_link          TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    status_message    TEXT    NOT NULL,
    current_stage     TEXT    NOT NULL,
    creation_time     BIGINT  NOT NULL,
    last_updated_time BIGINT  NOT NULL,
    PRIMARY KEY (name, version)
);
CREATE INDEX model_versions_by_run ON model_versions (run_id);

CREATE TABLE model_version_tags (
    name    TEXT    NOT NULL,
    version INTEGER NOT NULL,
    key     TEXT    NOT NULL,
    value   TEXT    NOT NULL,
    PRIMARY KEY (name, version, key)
);

CREATE TABLE registered_model_aliases (
    name    TEXT    NOT NULL,
    alias   TEXT    NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (name, alias)
);
