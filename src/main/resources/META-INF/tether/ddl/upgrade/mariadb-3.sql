-- Tether schema version 2 to version 3: a bean row is keyed by its session and bean key, the pair that was
-- already unique, so each write of a bean maintains one index instead of two. Run once, by hand or from Flyway or
-- Liquibase, when tether.schema.create=false; Tether runs it itself otherwise. Every session is kept. The column
-- bean_pk stays, no longer a key and no longer required, so that nodes of schema version 2, which still fill it,
-- keep working beside upgraded ones during a rolling deploy; Tether of version 3 leaves it empty.
-- In one statement, so the table always has a primary key (Galera replicates no table without one), and
-- before the unique index goes, so the foreign key of session_pk always has an index to use.
ALTER TABLE tether_bean DROP PRIMARY KEY, MODIFY bean_pk VARCHAR(36) NULL, ADD PRIMARY KEY (session_pk, bean_key);
ALTER TABLE tether_bean DROP INDEX tether_bean_key;
INSERT INTO tether_schema_version (version) VALUES (3);
