package dev.tether.bench.jmh;

import java.util.Arrays;
import java.util.List;
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

import dev.tether.codec.ClassAllowList;
import dev.tether.codec.DeserializationLimits;
import dev.tether.codec.JavaSerializationCodec;

/**
 * What a bean's size costs, from the codec alone to a whole unit of work on in-memory H2:
 * {@code dirtyCheck} is what the end of every unit does for each bean it touched (serialize, compare with the
 * bytes it was loaded with); {@code decode} is what loading adds per bean; {@code encodeRestored} is what a
 * dirty check against the bean's encoding as loaded (rather than against the stored bytes) adds at load: one
 * more encode of each bean right after decoding it; the two unit benchmarks are a
 * read-only and a read-modify-write request without HTTP; they warm up longer, as Hibernate's and Weld's code
 * paths take many calls before the JIT is done with them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class BeanSize {

    @Param({"1024", "10240", "102400"})
    public int bytes;

    private TetherContainer container;
    private Notebook notebook;
    private String id;
    private JavaSerializationCodec codec;
    private Notebook plain;
    private byte[] stored;
    private Notebook restored;

    @Setup
    public void start() {
        container = TetherContainer.start(Notebook.class);
        notebook = container.select(Notebook.class);
        id = container.newSession(() -> notebook.fillTo(bytes));
        codec = new JavaSerializationCodec(ClassAllowList.of(List.of(Notebook.class), List.of()),
                DeserializationLimits.DEFAULT);
        plain = new Notebook();
        plain.fillTo(bytes);
        stored = codec.encode(plain);
        restored = codec.decode(stored, Notebook.class);
    }

    @Benchmark
    public boolean dirtyCheck() {
        return Arrays.equals(codec.encode(plain), stored);
    }

    @Benchmark
    public Notebook decode() {
        return codec.decode(stored, Notebook.class);
    }

    /** A bean as decoding built it (fresh objects, as loading leaves them), encoded again. */
    @Benchmark
    public byte[] encodeRestored() {
        return codec.encode(restored);
    }

    @Benchmark
    @Warmup(iterations = 4, time = 2)
    public int readOnlyUnit() {
        return container.inSession(id, notebook::size);
    }

    @Benchmark
    @Warmup(iterations = 4, time = 2)
    public long readModifyWriteUnit() {
        return container.inSession(id, notebook::edit);
    }

    @TearDown
    public void stop() {
        container.close();
    }
}
