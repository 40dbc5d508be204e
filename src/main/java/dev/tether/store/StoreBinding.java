package dev.tether.store;

/**
 * How the store's statements reach the database: three verbs, each handing the work a {@link StatementRunner}.
 * {@link JpaBinding} runs them as the JPA provider's native queries (the default), {@link JdbcBinding} on the data
 * source's connections. A binding knows no statement and no session; what a failure means is the store's to say,
 * so every failure of the database comes out as a {@link StoreFailure}, and any other exception the work throws
 * (a conflict it found) comes out unchanged, after the transaction was rolled back.
 */
interface StoreBinding extends AutoCloseable {

    /** Work on the statements of one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(StatementRunner runner);
    }

    /** A transaction left open for the caller: the serialize policy's row lock lives as long as it does. */
    interface OpenTransaction extends AutoCloseable {

        /** Statements of the transaction that each wait at most {@code timeoutSeconds} (JDBC's whole seconds; 0: no limit). */
        StatementRunner runner(int timeoutSeconds);

        /** Commits; the transaction is over, whatever the outcome. */
        void commit();

        /** Rolls back what is not committed and gives the connection back; a second call does nothing. */
        @Override
        void close();
    }

    /**
     * Runs queries outside a transaction of the store's own, reading at most {@code maxRows} rows (0: all), each
     * waiting at most {@code timeoutSeconds} (0: no limit).
     */
    <T> T read(int maxRows, int timeoutSeconds, Work<T> work);

    /**
     * Runs the work in one transaction: committed when it returns, rolled back when it throws; each statement waits at
     * most {@code timeoutSeconds} (0: no limit).
     */
    default <T> T inTransaction(int timeoutSeconds, Work<T> work) {
        try (OpenTransaction tx = begin()) {
            T result = work.run(tx.runner(timeoutSeconds));
            tx.commit();
            return result;
        }
    }

    /** Begins a transaction for the caller to commit or close. */
    OpenTransaction begin();

    /** Releases what the binding holds (the JPA provider's factory); the data source stays the server's. */
    @Override
    void close();
}
