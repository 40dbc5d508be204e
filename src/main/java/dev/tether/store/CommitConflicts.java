package dev.tether.store;

import java.sql.SQLException;

/**
 * Tells a write that lost to a concurrent transaction from a store that failed. SQLState {@code 40001} (serialization
 * failure) means the database rolled the whole transaction back because another one changed the same rows first: a
 * Galera cluster reports so a certification failure at commit (MariaDB error 1213, "Deadlock found"), also for a
 * transaction whose own statements all succeeded on its node; InnoDB a deadlock, PostgreSQL a serializable
 * transaction that cannot be ordered. Nothing of the write was kept, as with a version that no longer matches, so
 * the store answers a conflict, not "unavailable".
 */
final class CommitConflicts {

    private static final String SERIALIZATION_FAILURE = "40001";

    private CommitConflicts() {
    }

    /** Whether {@code failure}, or one of its causes, is a transaction the database rolled back for a concurrent one. */
    static boolean lostToAnother(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && SERIALIZATION_FAILURE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
