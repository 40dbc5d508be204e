-- Tether schema version 1 (no version table; Tether 0.1 before its schema was versioned) to version 2.
-- Run once, by hand or from Flyway or Liquibase, when tether.schema.create=false; Tether runs it itself otherwise.
-- Every session is kept: this version only adds the table that records the schema's version.
CREATE TABLE tether_schema_version (
    version INTEGER NOT NULL,
    CONSTRAINT tether_schema_version_pk PRIMARY KEY (version)
);
INSERT INTO tether_schema_version (version) VALUES (2);
