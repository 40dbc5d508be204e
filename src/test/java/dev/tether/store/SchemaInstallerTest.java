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

import org.junit.jupiter.api.Test;

import dev.tether.support.db.RunsOnEveryDatabase;
import dev.tether.support.db.TestDatabase;

/** The shipped DDL script of each database, run the way Tether runs it when it starts. */
@RunsOnEveryDatabase
class SchemaInstallerTest {

    private final DataSource database = TestDatabase.selected().newDatabase();

    @Test
    void createsBothTablesInAnEmptyDatabase() throws SQLException {
        SchemaInstaller.ensureSchema(database);

        assertThat(count("tether_session")).isZero();
        assertThat(count("tether_bean")).isZero();
    }

    @Test
    void leavesExistingTablesAndTheirRowsAlone() throws SQLException {
        SchemaInstaller.ensureSchema(database);
        execute("INSERT INTO tether_session (session_pk, id_hash, created_at, last_accessed_at, expires_at, "
                + "idle_timeout_ms, absolute_expires_at) VALUES ('pk', 'hash', 1, 1, 2, 1, 2)");

        SchemaInstaller.ensureSchema(database);

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
