-- Tether schema for H2 2.x. Run by Tether itself when the tables are missing (tether.schema.create=true).
-- The raw session ID is never stored: id_hash is its SHA-256, hex encoded. Times are epoch milliseconds.
CREATE TABLE tether_session (
    session_pk          VARCHAR(36)  NOT NULL,
    id_hash             VARCHAR(64)  NOT NULL,
    created_at          BIGINT      NOT NULL,
    last_accessed_at    BIGINT      NOT NULL,
    expires_at          BIGINT      NOT NULL,
    idle_timeout_ms     BIGINT      NOT NULL,
    absolute_expires_at BIGINT      NOT NULL,
    principal           VARCHAR(255),
    CONSTRAINT tether_session_pk PRIMARY KEY (session_pk),
    CONSTRAINT tether_session_id_hash UNIQUE (id_hash)
);
CREATE INDEX tether_session_expires ON tether_session (expires_at);
CREATE INDEX tether_session_principal ON tether_session (principal);
CREATE TABLE tether_bean (
    bean_pk       VARCHAR(36)  NOT NULL,
    session_pk    VARCHAR(36)  NOT NULL,
    bean_key      VARCHAR(255) NOT NULL,
    codec         VARCHAR(16)  NOT NULL,
    state_bytes   VARBINARY,
    state_version BIGINT      NOT NULL,
    CONSTRAINT tether_bean_pk PRIMARY KEY (bean_pk),
    CONSTRAINT tether_bean_key UNIQUE (session_pk, bean_key),
    CONSTRAINT tether_bean_session FOREIGN KEY (session_pk) REFERENCES tether_session (session_pk) ON DELETE CASCADE
);
-- One row per cluster-wide task; the node whose lease is current runs it (the expiry purge).
CREATE TABLE tether_lease (
    lease_name VARCHAR(64) NOT NULL,
    holder     VARCHAR(64),
    held_until BIGINT      NOT NULL,
    CONSTRAINT tether_lease_pk PRIMARY KEY (lease_name)
);
INSERT INTO tether_lease (lease_name, holder, held_until) VALUES ('purge', NULL, 0);
-- The schema's version: Tether upgrades an older schema at startup (tether.schema.create=true) from the scripts
-- in META-INF/tether/ddl/upgrade/, or refuses to start on one, naming the scripts to run.
CREATE TABLE tether_schema_version (
    version INTEGER NOT NULL,
    CONSTRAINT tether_schema_version_pk PRIMARY KEY (version)
);
INSERT INTO tether_schema_version (version) VALUES (2);
