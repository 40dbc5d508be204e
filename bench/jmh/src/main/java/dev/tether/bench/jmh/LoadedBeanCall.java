package dev.tether.bench.jmh;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.control.RequestContextController;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.tether.context.UnitOfWorkHandle;

/**
 * A method call on a {@code @PersistentSessionScoped} bean that this unit of work has already loaded, against
 * the same call on a {@code @RequestScoped} bean: what the scope's lookup costs once the data is in memory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class LoadedBeanCall {

    private TetherContainer container;
    private UnitOfWorkHandle unit;
    private RequestContextController request;
    private PersistentCounter persistent;
    private RequestCounter requestScoped;

    @Setup
    public void start() {
        container = TetherContainer.start(PersistentCounter.class, RequestCounter.class);
        persistent = container.select(PersistentCounter.class);
        String id = container.newSession(persistent::increment);
        unit = container.open(id);
        persistent.count();
        request = container.select(RequestContextController.class);
        request.activate();
        requestScoped = container.select(RequestCounter.class);
        requestScoped.increment();
    }

    @Benchmark
    public long persistentSessionScoped() {
        return persistent.count();
    }

    @Benchmark
    public long requestScoped() {
        return requestScoped.count();
    }

    @TearDown
    public void stop() {
        request.deactivate();
        container.discard(unit);
        container.close();
    }
}
