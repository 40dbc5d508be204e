package dev.tether.context;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Runs the store's writes outside any JTA transaction of the application. The store commits its own
 * transaction; on a server's JTA data source, a connection taken inside the application's transaction would
 * be enlisted in it and refuse a local commit. Where no JTA is present the annotation binds to nothing.
 */
@ApplicationScoped
class IndependentWrites {

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    void run(Runnable write) {
        write.run();
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    <T> T call(Supplier<T> work) {
        return work.get();
    }
}
