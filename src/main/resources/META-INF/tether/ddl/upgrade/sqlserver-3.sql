-- Tether schema version 2 to version 3: a bean row is keyed by its session and bean key, the pair that was
-- already unique, so each write of a bean maintains one index instead of two. Run once, by hand or from Flyway or
-- Liquibase, when tether.schema.create=false; Tether runs it itself otherwise. Every session is kept. The column
-- bean_pk stays, no longer a key and no longer required, so that nodes of schema version 2, which still fill it,
-- keep working beside upgraded ones during a rolling deploy; Tether of version 3 leaves it empty.
ALTER TABLE tether_bean DROP CONSTRAINT tether_bean_pk;
ALTER TABLE tether_bean ALTER COLUMN bean_pk VARCHAR(36) NULL;
ALTER TABLE tether_bean DROP CONSTRAINT tether_bean_key;
ALTER TABLE tether_bean ADD CONSTRAINT tether_bean_pk PRIMARY KEY (session_pk, bean_key);
INSERT INTO tether_schema_version (version) VALUES (3);
