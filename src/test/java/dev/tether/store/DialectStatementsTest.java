package dev.tether.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/**
 * The statement text each database gets where databases differ: the row lock of the serialize policy, the length
 * of a stored state, and the IN lists of the purge. The text is checked here for all five dialects; H2, PostgreSQL
 * and MariaDB also run it in the every-database tests, Oracle and SQL Server only here.
 */
class DialectStatementsTest {

    @Test
    void theLockIsForUpdateWhereverTheStandardClauseExists() {
        for (Dialect dialect : List.of(Dialect.H2, Dialect.POSTGRESQL, Dialect.MARIADB, Dialect.ORACLE)) {
            assertThat(SessionSql.findLiveForUpdate(dialect, "h", 1).jdbcText())
                    .as(dialect.name())
                    .contains(" FROM tether_session s WHERE s.id_hash = ? AND s.expires_at > ?")
                    .endsWith(" FOR UPDATE");
            assertThat(SessionSql.lockExpired(dialect, List.of("pk"), 1).jdbcText()).as(dialect.name())
                    .contains(" FROM tether_session s WHERE s.expires_at <= ? AND s.session_pk IN (?)")
                    .endsWith(" FOR UPDATE");
        }
    }

    @Test
    void sqlServerLocksTheRowWithATableHintInstead() {
        assertThat(SessionSql.findLiveForUpdate(Dialect.SQLSERVER, "h", 1).jdbcText())
                .contains(" FROM tether_session s WITH (UPDLOCK, ROWLOCK) WHERE s.id_hash = ? AND s.expires_at > ?")
                .doesNotContain("FOR UPDATE");
        assertThat(SessionSql.lockExpired(Dialect.SQLSERVER, List.of("pk"), 1).jdbcText())
                .contains(" FROM tether_session s WITH (UPDLOCK, ROWLOCK) WHERE s.expires_at <= ?")
                .doesNotContain("FOR UPDATE");
    }

    @Test
    void eachDatabaseMeasuresAStoredStateWithItsOwnFunction() {
        assertThat(StateColumns.upTo(100, Dialect.H2).load()).contains("OCTET_LENGTH(b.state_bytes) <= 100");
        assertThat(StateColumns.upTo(100, Dialect.POSTGRESQL).load()).contains("OCTET_LENGTH(b.state_bytes)");
        assertThat(StateColumns.upTo(100, Dialect.MARIADB).load()).contains("OCTET_LENGTH(b.state_bytes)");
        assertThat(StateColumns.upTo(100, Dialect.ORACLE).load()).contains("DBMS_LOB.GETLENGTH(b.state_bytes) <= 100");
        assertThat(StateColumns.upTo(100, Dialect.SQLSERVER).load()).contains("DATALENGTH(b.state_bytes) <= 100");
    }

    @Test
    void aPurgeBatchIsCutIntoTheInListsEachDatabaseAccepts() {
        List<String> pks = IntStream.range(0, 2500).mapToObj(i -> "pk" + i).toList();

        assertThat(Dialect.ORACLE.inLists(pks)).extracting(List::size).containsExactly(1000, 1000, 500);
        // the statement's other parameter (now) counts against SQL Server's 2,100 too
        assertThat(Dialect.SQLSERVER.inLists(pks)).extracting(List::size).containsExactly(2000, 500);
        assertThat(Dialect.POSTGRESQL.inLists(pks)).extracting(List::size).containsExactly(2500);
        assertThat(Dialect.ORACLE.inLists(pks).stream().flatMap(List::stream).toList()).isEqualTo(pks);
        assertThat(SessionSql.lockExpired(Dialect.SQLSERVER, Dialect.SQLSERVER.inLists(pks).get(0), 1).parameters())
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
}
