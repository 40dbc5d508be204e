package dev.tether.bench.jmh;

import java.util.function.Supplier;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import dev.tether.context.SessionUnits;
import dev.tether.context.TetherExtension;
import dev.tether.context.UnitOfWorkHandle;

/** Weld SE with the Tether extension, in-memory storage and the given beans; units of work the way a request runs them. */
final class TetherContainer implements AutoCloseable {

    private final WeldContainer weld;
    private final SessionUnits units;

    private TetherContainer(WeldContainer weld) {
        this.weld = weld;
        this.units = weld.select(SessionUnits.class).get();
    }

    static TetherContainer start(Class<?>... beans) {
        return startWith(InMemoryStorage.class, beans);
    }

    /** With {@code storage} as the application's {@code @SessionStorage} beans instead of in-memory H2. */
    static TetherContainer startWith(Class<?> storage, Class<?>... beans) {
        return new TetherContainer(new Weld().disableDiscovery().addExtension(new TetherExtension())
                .addBeanClass(storage).addBeanClasses(beans).initialize());
    }

    <T> T select(Class<T> type) {
        return weld.select(type).get();
    }

    UnitOfWorkHandle open(String id) {
        return units.open(id);
    }

    /** Writes the unit back and returns the session ID it sent, if any. */
    String close(UnitOfWorkHandle unit) {
        return units.close(unit).idToSend().orElse(null);
    }

    void discard(UnitOfWorkHandle unit) {
        units.discard(unit);
    }

    /** Runs {@code work} as one unit on a new session and returns the session's ID. */
    String newSession(Runnable work) {
        UnitOfWorkHandle unit = open(null);
        work.run();
        return close(unit);
    }

    /** Runs {@code work} as one unit on the session {@code id}. */
    <T> T inSession(String id, Supplier<T> work) {
        UnitOfWorkHandle unit = open(id);
        T result = work.get();
        close(unit);
        return result;
    }

    @Override
    public void close() {
        weld.shutdown();
    }
}
