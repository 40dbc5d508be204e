package dev.tether.context;

import java.util.Optional;

/**
 * The unit of work bound to the current thread. A unit started inside another (a {@code runInSession} call
 * during a request) hides the outer one until it ends.
 */
final class ActiveUnits {

    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

    Optional<UnitOfWork> current() {
        return Optional.ofNullable(current.get());
    }

    /** Binds {@code unit} and returns the unit it hides, to be given back to {@link #restore}. */
    UnitOfWork bind(UnitOfWork unit) {
        UnitOfWork previous = current.get();
        current.set(unit);
        return previous;
    }

    void restore(UnitOfWork previous) {
        if (previous == null) {
            current.remove();
        } else {
            current.set(previous);
        }
    }
}
