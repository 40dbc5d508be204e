package dev.tether.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

import dev.tether.config.TableNames;

/**
 * The statement text each database gets where databases differ: the row lock of the serialize policy, the length
 * of a stored state, and the IN lists of the purge. The text is checked here for all five dialects; H2, PostgreSQL
 * and MariaDB also run it in the every-database tests, Oracle and SQL Server only here.
 */
class DialectStatementsTest {

    @Test
    void theLockIsForUpdateWhereverTheStandardClauseExists() {
        for (Dialect dialect : List.of(Dialect.H2, Dialect.POSTGRESQL, Dialect.MARIADB, Dialect.ORACLE)) {
            assertThat(statements(dialect).findLiveForUpdate("h", 1).jdbcText())
                    .as(dialect.name())
                    .contains(" FROM tether_session s WHERE s.id_hash = ? AND s.expires_at > ?")
                    .endsWith(" FOR UPDATE");
            assertThat(statements(dialect).lockExpired(List.of("pk"), 1).jdbcText()).as(dialect.name())
                    .contains(" FROM tether_session s WHERE s.expires_at <= ? AND s.session_pk IN (?)")
                    .endsWith(" FOR UPDATE");
        }
    }

    @Test
    void sqlServerLocksTheRowWithATableHintInstead() {
        assertThat(statements(Dialect.SQLSERVER).findLiveForUpdate("h", 1).jdbcText())
                .contains(" FROM tether_session s WITH (UPDLOCK, ROWLOCK) WHERE s.id_hash = ? AND s.expires_at > ?")
                .doesNotContain("FOR UPDATE");
        assertThat(statements(Dialect.SQLSERVER).lockExpired(List.of("pk"), 1).jdbcText())
                .contains(" FROM tether_session s WITH (UPDLOCK, ROWLOCK) WHERE s.expires_at <= ?")
                .doesNotContain("FOR UPDATE");
    }

    @Test
    void eachDatabaseMeasuresAStoredStateWithItsOwnFunction() {
        assertThat(loadText(Dialect.H2)).contains("OCTET_LENGTH(b.state_bytes) <= 100");
        assertThat(loadText(Dialect.POSTGRESQL)).contains("OCTET_LENGTH(b.state_bytes)");
        assertThat(loadText(Dialect.MARIADB)).contains("OCTET_LENGTH(b.state_bytes)");
        assertThat(loadText(Dialect.ORACLE)).contains("DBMS_LOB.GETLENGTH(b.state_bytes) <= 100");
        assertThat(loadText(Dialect.SQLSERVER)).contains("DATALENGTH(b.state_bytes) <= 100");
    }

    @Test
    void everyScriptIsMadeOfTablesIndexesAndRowsOnTheConfiguredNamesOnly() {
        TableNames names = new TableNames(Optional.of("sessions"), "shop_");
        for (Dialect dialect : Dialect.values()) {
            List<SchemaObject> objects = SchemaScript.creation(dialect, names).objects();

            assertThat(objects).as(dialect.name()).extracting(SchemaObject::table).containsOnly(
                    "sessions.shop_session", "sessions.shop_bean", "sessions.shop_lease",
                    "sessions.shop_schema_version");
            assertThat(objects).as(dialect.name()).extracting(SchemaObject::sql)
                    .noneMatch(sql -> sql.contains("tether_"));
            assertThat(SchemaScript.upgrade(dialect, 2, names).text()).as(dialect.name())
                    .contains("CREATE TABLE sessions.shop_schema_version").doesNotContain("tether_");
            assertThat(SchemaScript.upgrade(dialect, 3, names).statements()).as(dialect.name())
                    .allMatch(sql -> sql.startsWith("ALTER TABLE sessions.shop_bean ")
                            || sql.equals("INSERT INTO sessions.shop_schema_version (version) VALUES (3)"))
                    .anyMatch(sql -> sql.contains("PRIMARY KEY (session_pk, bean_key)"))
                    .noneMatch(sql -> sql.contains("tether_"));
            assertThat(SchemaScript.creation(dialect, names).text()).as(dialect.name())
                    .contains("CONSTRAINT shop_bean_pk PRIMARY KEY (session_pk, bean_key)")
                    .doesNotContainPattern("(?m)^\\s+bean_pk\\s");
        }
    }

    @Test
    void everyStatementNamesTheConfiguredTables() {
        SessionSql sql = new SessionSql(new TableNames(Optional.of("sessions"), "shop_"), Dialect.POSTGRESQL,
                StateColumns.unbounded());

        assertThat(sql.loadLive("h", 1).jdbcText())
                .contains(" FROM sessions.shop_session s LEFT JOIN sessions.shop_bean b ");
        assertThat(sql.acquireLease("purge", "node", 1, 2).jdbcText()).startsWith("UPDATE sessions.shop_lease ");
        assertThat(sql.deleteSessions(List.of("pk")).jdbcText()).startsWith("DELETE FROM sessions.shop_session ");
    }

    @Test
    void theSizeOfAPrincipalsSessionsIsAddedUpWithEachDatabasesFunction() {
        assertThat(statements(Dialect.ORACLE).findFootprintsByPrincipal("alice", 1).jdbcText())
                .contains("(SELECT COALESCE(SUM(DBMS_LOB.GETLENGTH(b.state_bytes)), 0) FROM tether_bean b "
                        + "WHERE b.session_pk = s.session_pk)");
        assertThat(statements(Dialect.SQLSERVER).findFootprintsByPrincipal("alice", 1).jdbcText())
                .contains("SUM(DATALENGTH(b.state_bytes))");
    }

    @Test
    void aPurgeBatchIsCutIntoTheInListsEachDatabaseAccepts() {
        List<String> pks = IntStream.range(0, 2500).mapToObj(i -> "pk" + i).toList();

        assertThat(Dialect.ORACLE.inLists(pks)).extracting(List::size).containsExactly(1000, 1000, 500);
        // the statement's other parameter (now) counts against SQL Server's 2,100 too
        assertThat(Dialect.SQLSERVER.inLists(pks)).extracting(List::size).containsExactly(2000, 500);
        assertThat(Dialect.POSTGRESQL.inLists(pks)).extracting(List::size).containsExactly(2500);
        assertThat(Dialect.ORACLE.inLists(pks).stream().flatMap(List::stream).toList()).isEqualTo(pks);
        assertThat(statements(Dialect.SQLSERVER).lockExpired(Dialect.SQLSERVER.inLists(pks).get(0), 1).parameters())
                .hasSize(2001);
    }

    @Test
    void aConstraintViolationOrARolledBackTransactionIsAConflictAndNothingElseIs() {
        for (Dialect dialect : Dialect.values()) {
            assertThat(dialect.isConflict(new SQLException("duplicate key", "23505"))).isTrue();
            assertThat(dialect.isConflict(new SQLException("wrapped", "HY000", new SQLException("dup", "23000"))))
                    .isTrue();
            assertThat(dialect.isConflict(new SQLException("Deadlock found when trying to get lock", "40001", 1213)))
                    .isTrue();
            assertThat(dialect.isConflict(new SQLException("connection refused", "08001"))).isFalse();
            assertThat(dialect.isConflict(null)).isFalse();
        }
    }

    @Test
    void aGaleraCertificationFailureWrappedByTheJpaProviderIsAConflict() {
        var certification = new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);
        StoreFailure failure = new StoreFailure(new PersistenceException("commit failed", certification));

        assertThat((Throwable) failure.sqlException()).isSameAs(certification);
        assertThat(Dialect.MARIADB.isConflict(failure.sqlException())).isTrue();
    }

    @Test
    void aBrokenConnectionOrAnExceptionWithoutStateIsNoConflict() {
        StoreFailure reset = new StoreFailure(new PersistenceException("commit failed",
                new SQLException("Connection reset", "08S01")));

        assertThat(Dialect.MARIADB.isConflict(reset.sqlException())).isFalse();
        assertThat(Dialect.MARIADB.isConflict(new SQLException("no state"))).isFalse();
        assertThat((Throwable) new StoreFailure(new IllegalStateException("closed")).sqlException()).isNull();
    }

    private static SessionSql statements(Dialect dialect) {
        return new SessionSql(TableNames.DEFAULT, dialect, StateColumns.unbounded());
    }

    private static String loadText(Dialect dialect) {
        return new SessionSql(TableNames.DEFAULT, dialect, StateColumns.upTo(100, dialect)).loadLive("h", 1).jdbcText();
    }
}
