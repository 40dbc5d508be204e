package dev.tether.store;

import java.util.function.IntFunction;

/**
 * A {@link StoreBinding.OpenTransaction} made of the steps each API has (JDBC's connection, JPA's entity transaction):
 * commit, and give back (rolling back whatever is not committed). Closing twice, or after a commit, does nothing.
 */
final class BoundTransaction implements StoreBinding.OpenTransaction {

    /** One step of an API whose failures are checked or not. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private final IntFunction<StatementRunner> runners;
    private final Step commit;
    private final Step giveBack;
    private boolean closed;

    /**
     * @param runners  the statements of the transaction, by timeout in seconds
     * @param commit   commits the transaction
     * @param giveBack rolls back what is not committed and releases the connection; its own failure is ignored,
     *                 because it must not hide why the work failed (the connection died with the transaction)
     */
    BoundTransaction(IntFunction<StatementRunner> runners, Step commit, Step giveBack) {
        this.runners = runners;
        this.commit = commit;
        this.giveBack = giveBack;
    }

    /** Begins a transaction with {@code begin}; when that fails, gives the connection back and says why. */
    static BoundTransaction begin(Step begin, IntFunction<StatementRunner> runners, Step commit, Step giveBack) {
        BoundTransaction tx = new BoundTransaction(runners, commit, giveBack);
        try {
            begin.run();
        } catch (Exception e) {
            tx.close();
            throw new StoreFailure(e);
        }
        return tx;
    }

    @Override
    public StatementRunner runner(int timeoutSeconds) {
        return runners.apply(timeoutSeconds);
    }

    @Override
    public void commit() {
        try {
            commit.run();
        } catch (Exception e) {
            throw new StoreFailure(e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            giveBack.run();
        } catch (Exception ignored) {
            // the connection is broken: the pool discards it
        }
    }
}
