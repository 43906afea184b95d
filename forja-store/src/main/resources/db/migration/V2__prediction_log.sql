-- The prediction log of `forja serve --log-predictions`: one row per request, with the request body as
-- received and the response as sent, so monitoring can replay exactly what the model saw; and late
-- labels (feedback) per request row, next to it.
CREATE TABLE prediction_log (
    request_id TEXT    PRIMARY KEY,
    model      TEXT    NOT NULL,
    version    TEXT    NOT NULL,
    protocol   TEXT    NOT NULL,
    timestamp  BIGINT  NOT NULL,
    latency_us BIGINT  NOT NULL,
    row_count  INTEGER NOT NULL,
    request    TEXT    NOT NULL,
    response   TEXT    NOT NULL
);
CREATE INDEX prediction_log_by_model_time ON prediction_log (model, timestamp);

CREATE TABLE prediction_feedback (
    request_id TEXT    NOT NULL,
    row_index  INTEGER NOT NULL,
    actual     TEXT    NOT NULL,
    timestamp  BIGINT  NOT NULL,
    PRIMARY KEY (request_id, row_index)
);
