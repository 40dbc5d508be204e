package dev.tether.bench.jmh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
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

/**
 * The floor of {@link RequestPath}'s workloads: the HTTP benchmark's hand-written store ({@code FloorResource}) without
 * HTTP, on in-memory H2 behind the same kind of pool: one row per session keyed by the raw ID, Java serialization,
 * 1 SELECT per read, SELECT and conditional UPDATE in one transaction per change, 1 INSERT per new session.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 2)
public class FloorPath {

    private static final long LIFETIME_MILLIS = 30L * 24 * 60 * 60 * 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JdbcConnectionPool pool;
    private String id;

    @Setup
    public void start() throws SQLException {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:floor-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE floor_session (id VARCHAR(64) PRIMARY KEY, state VARBINARY(65536) NOT NULL, "
                    + "version BIGINT NOT NULL, expires_at BIGINT NOT NULL)");
        }
        id = newSession();
    }

    @Benchmark
    public long read() throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT state FROM floor_session WHERE id = ? AND expires_at > ?")) {
            select.setString(1, id);
            select.setLong(2, System.currentTimeMillis());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? decode(row.getBytes(1)).count() : 0;
            }
        }
    }

    @Benchmark
    public long readModifyWrite() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long count = incrementIn(connection);
                connection.commit();
                return count;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    @Benchmark
    public String newSession() throws SQLException {
        Counter counter = new PersistentCounter();
        counter.increment();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String newId = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO floor_session (id, state, version, expires_at) VALUES (?, ?, 1, ?)")) {
            insert.setString(1, newId);
            insert.setBytes(2, encode(counter));
            insert.setLong(3, System.currentTimeMillis() + LIFETIME_MILLIS);
            insert.executeUpdate();
        }
        return newId;
    }

    private long incrementIn(Connection connection) throws SQLException {
        Counter counter;
        long version;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state, version FROM floor_session WHERE id = ? AND expires_at > ?")) {
            select.setString(1, id);
            select.setLong(2, System.currentTimeMillis());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                counter = decode(row.getBytes(1));
                version = row.getLong(2);
            }
        }
        long count = counter.increment();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE floor_session SET state = ?, version = ? WHERE id = ? AND version = ?")) {
            update.setBytes(1, encode(counter));
            update.setLong(2, version + 1);
            update.setString(3, id);
            update.setLong(4, version);
            if (update.executeUpdate() == 0) {
                throw new IllegalStateException("changed meanwhile");
            }
        }
        return count;
    }

    private static byte[] encode(Counter counter) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(counter);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static Counter decode(byte[] state) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
            return (Counter) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @TearDown
    public void stop() {
        pool.dispose();
    }
}
