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
    record JSON NOT NULL,
    block VARCHAR,          -- category and dyad: the reports that may be one real event
    real_event_id VARCHAR,  -- the real event this report is of (see real_events)
    d_lo DATE,              -- the first and last day the event's date allows (store/dedup.py)
    d_hi DATE
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
-- one row per actor or recipient of an event, as resolved in that report
CREATE TABLE IF NOT EXISTS actors (
    event_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    side VARCHAR NOT NULL,  -- actor | recipient
    position INTEGER,
    text VARCHAR,
    start_char INTEGER,
    end_char INTEGER,
    code VARCHAR,           -- country, else IGO/NGO/MNC/IMG
    country VARCHAR,
    sector VARCHAR,
    org VARCHAR,
    name VARCHAR,
    role VARCHAR,
    kind VARCHAR,
    sectors VARCHAR[]       -- every sector, the primary (sector) first; empty when none
);
-- who says so, per event
CREATE TABLE IF NOT EXISTS attributions (
    event_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    text VARCHAR,
    kind VARCHAR,
    start_char INTEGER,
    end_char INTEGER,
    country VARCHAR
);
-- real-world events: the reports of one event linked together (cross-document dedup)
CREATE TABLE IF NOT EXISTS real_events (
    real_event_id VARCHAR PRIMARY KEY,
    block VARCHAR,
    event VARCHAR,
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
    n_reports INTEGER,      -- event records (mentions across documents)
    n_documents INTEGER,
    n_sources INTEGER,      -- distinct publishers (a document without one counts as its own)
    first_seen DATE,        -- the earliest publication date of its reports
    report_id VARCHAR,      -- the report its fields come from (the most precisely dated)
    location JSON           -- the place object of the report with the most specific place
);
-- one row per report of a real event (GDELT's mentions table)
CREATE TABLE IF NOT EXISTS sources (
    real_event_id VARCHAR NOT NULL,
    block VARCHAR,
    event_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    publisher VARCHAR,
    url VARCHAR,
    pub_date DATE,
    sentence INTEGER,
    confidence DOUBLE
);
CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id);
CREATE INDEX IF NOT EXISTS actors_doc ON actors (doc_id);
CREATE INDEX IF NOT EXISTS attributions_doc ON attributions (doc_id);
CREATE INDEX IF NOT EXISTS sources_doc ON sources (doc_id);
