package dev.tether.context;

import java.util.function.Supplier;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs the store's writes outside any JTA transaction of the application. Suspending a transaction (through
 * {@link IndependentWrites}' interceptor) costs a proxy call and the transaction manager's work on every write, so
 * it is done only when the calling thread has a transaction; most requests have none, and their writes run
 * directly.
 */
final class OutsideTransactions {

    private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    private final IndependentWrites suspending;
    private volatile Registry registry;

    OutsideTransactions(IndependentWrites suspending) {
        this.suspending = suspending;
    }

    void run(Runnable write) {
        if (inTransaction()) {
            suspending.run(write);
        } else {
            write.run();
        }
    }

    <T> T call(Supplier<T> work) {
        return inTransaction() ? suspending.call(work) : work.get();
    }

    private boolean inTransaction() {
        Registry found = registry;
        if (found == null) {
            found = lookUp();
            registry = found;
        }
        return found.registry() != null && found.registry().getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    /** Java SE, or a server without JTA, has no registry: nothing is ever to be suspended there. */
    private static Registry lookUp() {
        try {
            return new Registry((TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY));
        } catch (NamingException | ClassCastException | LinkageError none) {
            return new Registry(null);
        }
    }

    private record Registry(TransactionSynchronizationRegistry registry) {
    }
}
