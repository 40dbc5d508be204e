package dev.tether.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tether.support.db.RunsOnEveryDatabase;
import dev.tether.support.db.TestDatabase;

/** The shipped DDL of each database creates what is missing and leaves what exists alone. */
@RunsOnEveryDatabase
class SchemaInstallerTest {

    private final DataSource database = TestDatabase.selected().newDatabase();

    @AfterEach
    void closePool() throws Exception {
        if (database instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    @Test
    void anEmptyDatabaseGetsEveryTable() throws SQLException {
        SchemaInstaller.ensureSchema(database);

        assertThat(count("tether_session")).isZero();
        assertThat(count("tether_bean")).isZero();
        assertThat(count("tether_lease")).isEqualTo(1);
    }

    @Test
    void runningItTwiceChangesNothing() throws SQLException {
        SchemaInstaller.ensureSchema(database);
        execute("INSERT INTO tether_lease (lease_name, holder, held_until) VALUES ('other', NULL, 0)");

        SchemaInstaller.ensureSchema(database);

        assertThat(count("tether_lease")).isEqualTo(2);
    }

    @Test
    void anOlderSchemaGainsOnlyTheTableItLacks() throws SQLException {
        SchemaInstaller.ensureSchema(database);
        execute("DROP TABLE tether_lease");
        execute("INSERT INTO tether_session VALUES ('pk', 'hash', 0, 0, 1, 1, 1, NULL)");

        SchemaInstaller.ensureSchema(database);

        assertThat(count("tether_lease")).isEqualTo(1);
        assertThat(count("tether_session")).isEqualTo(1);
    }

    @Test
    void nodesThatStartOnAnEmptyDatabaseAtOnceAllGetTheSchema() {
        int nodes = 4;
        CyclicBarrier together = new CyclicBarrier(nodes);
        List<CompletableFuture<Void>> installs = IntStream.range(0, nodes)
                .mapToObj(i -> CompletableFuture.runAsync(() -> {
                    try {
                        together.await(30, TimeUnit.SECONDS);
                        SchemaInstaller.ensureSchema(database);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();

        CompletableFuture<Void> all = CompletableFuture.allOf(installs.toArray(CompletableFuture[]::new));

        assertThat(all).succeedsWithin(60, TimeUnit.SECONDS);
    }

    @Test
    void everyDatabaseProductNameMapsToItsScript() {
        assertThat(Dialect.of("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.of("MariaDB")).isEqualTo(Dialect.MARIADB);
        assertThat(Dialect.of("MySQL")).isEqualTo(Dialect.MARIADB);
        assertThat(Dialect.of("Oracle")).isEqualTo(Dialect.ORACLE);
        assertThat(Dialect.of("Microsoft SQL Server")).isEqualTo(Dialect.SQLSERVER);
        assertThat(Dialect.of("H2")).isEqualTo(Dialect.H2);
    }

    private long count(String table) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
