package dev.tether.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class CommitConflictsTest {

    @Test
    void aGaleraCertificationFailureWrappedByTheJpaProviderIsALostRace() {
        var certification = new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);

        assertThat(CommitConflicts.lostToAnother(new PersistenceException("commit failed", certification))).isTrue();
    }

    @Test
    void aBrokenConnectionOrAConstraintViolationIsNot() {
        assertThat(CommitConflicts.lostToAnother(new SQLException("Connection reset", "08S01"))).isFalse();
        assertThat(CommitConflicts.lostToAnother(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(CommitConflicts.lostToAnother(new SQLException("no state"))).isFalse();
    }
}
