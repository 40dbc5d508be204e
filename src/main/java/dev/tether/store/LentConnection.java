package dev.tether.store;

import java.sql.Connection;

import jakarta.persistence.EntityManager;

/**
 * The JDBC connection an entity manager holds, lent by its JPA provider for one piece of work. Running Tether's
 * statements on it, inside the entity manager's own transaction, costs what plain JDBC costs; a native query costs
 * the provider's query object, parameter binding and result handling on top (about 5 to 10 times as much per
 * statement, see {@code bench/findings.md}). The JPA API of Jakarta EE 10 has no call for it, so each provider's
 * way is tried once, when the store starts ({@link LentConnections#find}); {@link JpaBinding} falls back to native queries where
 * none works.
 */
interface LentConnection {

    /** Work on the lent connection, which it must neither close nor commit. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection);
    }

    /**
     * Runs {@code work} on the connection of {@code em}. The work's own exceptions come out unchanged; a failure of the
     * provider comes out as a {@link StoreFailure}.
     */
    <T> T call(EntityManager em, Work<T> work);

    /** What a log line calls this way of lending. */
    String describe();
}
