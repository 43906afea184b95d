-- Alerts that `forja monitor` raised: which rule fired on which model and time window, the measured
-- value, and what was done about it (webhook called, retraining started, the gate's decision).
CREATE TABLE monitor_alert (
    alert_id     TEXT    PRIMARY KEY,
    model        TEXT    NOT NULL,
    rule         TEXT    NOT NULL,
    window_start BIGINT  NOT NULL,
    window_end   BIGINT  NOT NULL,
    value        DOUBLE PRECISION,
    created      BIGINT  NOT NULL,
    actions      TEXT    NOT NULL,
    UNIQUE (model, rule, window_start)
);
CREATE INDEX monitor_alert_by_model_time ON monitor_alert (model, window_start);
