package dev.tether.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request's unit of work without HTTP, the way the filters run it (open, use the bean, write back), for the three
 * workloads of the HTTP runs' targets: on in-memory H2 through the default store ({@code h2}), and on a store with no
 * database behind it ({@code none}, {@link NoDatabaseStore}), which leaves Tether's own path: the scope's lookup, the
 * unit, the ID's hash, decode, the dirty check, the write plan, events and metrics. {@link FloorPath} does the same
 * work by hand on the same database.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 2)
public class RequestPath {

    @Param({"h2", "none"})
    public String store;

    private TetherContainer container;
    private PersistentCounter counter;
    private String id;

    @Setup
    public void start() {
        container = store.equals("h2") ? TetherContainer.start(PersistentCounter.class)
                : TetherContainer.startWith(NoDatabaseStore.AsBean.class, PersistentCounter.class);
        counter = container.select(PersistentCounter.class);
        id = container.newSession(counter::increment);
    }

    @Benchmark
    public long read() {
        return container.inSession(id, counter::count);
    }

    @Benchmark
    public long readModifyWrite() {
        return container.inSession(id, counter::increment);
    }

    @Benchmark
    public String newSession() {
        return container.newSession(counter::increment);
    }

    @TearDown
    public void stop() {
        container.close();
    }
}
