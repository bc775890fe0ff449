-- parley's DuckDB schema (version in store/migrations.py). One row per document, per event, per mention.
-- `events.record` holds the event record exactly as `parley code --format jsonl` prints it.
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    pub_date DATE,
    title VARCHAR,
    url VARCHAR,
    publisher VARCHAR,
    text VARCHAR,
    n_events INTEGER,
    coder VARCHAR,
    coded_at TIMESTAMP,
    text_sha VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    sentence INTEGER,
    event VARCHAR NOT NULL,
    mode VARCHAR,
    cameo VARCHAR,
    goldstein DOUBLE,
    quad_class INTEGER,
    actor_codes VARCHAR[],
    recipient_codes VARCHAR[],
    reciprocal BOOLEAN,
    date DATE,
    date_precision VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    factuality VARCHAR,
    confidence DOUBLE,
    record JSON NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    event_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    sentence INTEGER,
    trigger VARCHAR,
    start_char INTEGER,
    end_char INTEGER,
    trigger_start INTEGER,
    trigger_end INTEGER
);
CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id);
