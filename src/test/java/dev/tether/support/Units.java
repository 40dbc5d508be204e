package dev.tether.support;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tether.context.SessionUnits;
import dev.tether.context.UnitOfWorkHandle;
import dev.tether.context.WriteBack;

/** Runs a piece of test code as one unit of work, the way a request boundary does. */
@ApplicationScoped
public class Units {

    @Inject
    SessionUnits units;

    public record Result<T>(T value, WriteBack writeBack) {

        public String sentId() {
            return writeBack.idToSend().orElseThrow(() -> new AssertionError("the unit sent no ID"));
        }
    }

    public <T> Result<T> run(String id, Supplier<T> work) {
        UnitOfWorkHandle handle = units.open(id);
        T value;
        try {
            value = work.get();
        } catch (RuntimeException e) {
            units.discard(handle);
            throw e;
        }
        return new Result<>(value, units.close(handle));
    }

    public WriteBack run(String id, Runnable work) {
        return run(id, () -> {
            work.run();
            return null;
        }).writeBack();
    }
}
