package dev.tether.bench.jmh;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcConnectionPool;
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

import dev.tether.config.StoreKind;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionChanges.BeanWrite;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionUpdate;
import dev.tether.spi.StoredSession;
import dev.tether.store.NativeQueryStores;
import dev.tether.store.SessionStores;
import dev.tether.store.SqlSessionStore;

/**
 * What each binding of the one store costs per statement above plain JDBC, on the same in-memory H2: a session's load
 * (one SELECT) and a touch (one UPDATE in its own transaction), through the JPA binding (the default: the statements
 * on the connection the provider lends), through the JPA binding as it was before (each statement a native query),
 * through the JDBC binding, and written by hand on the same connection pool with the same statement text (the floor of the same
 * work). The database's own cost is the same in all three. A longer warm-up than the other benchmarks': Hibernate's
 * statements were still getting faster after three seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 1)
public class StoreStatements {

    /** The text of the store's load, as SessionSql writes it with no length limit on the state. */
    private static final String LOAD = "SELECT s.session_pk, s.id_hash, s.created_at, s.last_accessed_at, s.expires_at, "
            + "s.idle_timeout_ms, s.absolute_expires_at, s.principal, b.bean_key, b.codec, b.state_version, "
            + "b.state_bytes, NULL FROM tether_session s LEFT JOIN tether_bean b ON b.session_pk = s.session_pk "
            + "WHERE s.id_hash = ? AND s.expires_at > ?";
    private static final String TOUCH = "UPDATE tether_session SET last_accessed_at = ?, expires_at = CASE WHEN ? + "
            + "idle_timeout_ms < absolute_expires_at THEN ? + idle_timeout_ms ELSE absolute_expires_at END WHERE "
            + "session_pk = ? AND expires_at > ?";
    private static final long NOW = 1_000_000_000L;

    private JdbcConnectionPool pool;
    private SqlSessionStore jpa;
    private SqlSessionStore jdbc;
    private SqlSessionStore nativeQueries;
    private final String pk = UUID.randomUUID().toString();
    private final String hash = UUID.randomUUID().toString();
    private long accessedAt = NOW;

    @Setup
    public void start() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:statements-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = SessionStores.start(pool, StoreKind.JDBC, true, Integer.MAX_VALUE, false,
                SessionStores.TOOL_TIMEOUT_SECONDS);
        jpa = SessionStores.start(pool, StoreKind.JPA, true, Integer.MAX_VALUE, false,
                SessionStores.TOOL_TIMEOUT_SECONDS);
        nativeQueries = NativeQueryStores.start(pool);
        SessionRow row = new SessionRow(pk, hash, NOW, NOW, NOW + 3_600_000_000L, 3_600_000_000L,
                NOW + 7_200_000_000L, Optional.empty());
        jdbc.save(SessionChanges.creating(row, List.of(new BeanWrite("counter", "java", new byte[64], 0, true))));
    }

    @Benchmark
    public Optional<StoredSession> loadThroughJpa() {
        return jpa.load(hash, NOW);
    }

    @Benchmark
    public Optional<StoredSession> loadThroughNativeQueries() {
        return nativeQueries.load(hash, NOW);
    }

    @Benchmark
    public Optional<StoredSession> loadThroughJdbc() {
        return jdbc.load(hash, NOW);
    }

    @Benchmark
    public int loadByHand() throws SQLException {
        try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(LOAD)) {
            select.setString(1, hash);
            select.setLong(2, NOW);
            int columns = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    for (int i = 1; i <= 13; i++) {
                        columns += rows.getObject(i) == null ? 0 : 1;
                    }
                }
            }
            return columns;
        }
    }

    @Benchmark
    public void touchThroughJpa() {
        jpa.save(touch());
    }

    @Benchmark
    public void touchThroughNativeQueries() {
        nativeQueries.save(touch());
    }

    @Benchmark
    public void touchThroughJdbc() {
        jdbc.save(touch());
    }

    @Benchmark
    public int touchByHand() throws SQLException {
        long at = ++accessedAt;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(TOUCH)) {
                update.setLong(1, at);
                update.setLong(2, at);
                update.setLong(3, at);
                update.setString(4, pk);
                update.setLong(5, NOW);
                int count = update.executeUpdate();
                connection.commit();
                return count;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private SessionChanges touch() {
        long at = ++accessedAt;
        SessionUpdate.Identity identity = new SessionUpdate.Identity(hash, Optional.empty());
        return SessionChanges.updating(new SessionUpdate(pk, identity, null, null, at, NOW), List.of(), List.of(),
                List.of());
    }

    @TearDown
    public void stop() {
        jpa.close();
        nativeQueries.close();
        pool.dispose();
    }
}
