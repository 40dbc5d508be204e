package dev.tether.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tether.spi.SessionChanges.BeanWrite;
import dev.tether.support.db.RunsOnEveryDatabase;
import dev.tether.support.db.TestDatabase;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionStore;
import dev.tether.spi.StoredSession;

/**
 * A database made with the schema before it was versioned (version 1: this repository's DDL until then, kept in
 * {@code src/test/resources/ddl-version-1/}) and holding sessions is upgraded in place: by Tether at startup, once
 * even when several nodes start together, or by hand from the shipped script; and Tether refuses to start on it when
 * it may not change the schema, naming the script.
 */
@RunsOnEveryDatabase
class SchemaUpgradeTest {

    private static final long NOW = 1_000_000;

    private final DataSource database = TestDatabase.selected().newDatabase();

    @AfterEach
    void closePool() throws Exception {
        if (database instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    @Test
    void aVersionOneDatabaseIsUpgradedAndEverySessionInItStillLoads() throws SQLException, IOException {
        runScript("ddl-version-1/" + dialect() + ".sql");
        SessionStore store = SessionStores.jdbc(database);
        for (int i = 0; i < 3; i++) {
            store.save(SessionChanges.creating(session(i), List.of(new BeanWrite("bean", "java", state(i), 0, true))));
        }

        SchemaInstaller.ensureSchema(database);

        assertThat(version()).isEqualTo(SchemaInstaller.VERSION);
        for (int i = 0; i < 3; i++) {
            Optional<StoredSession> loaded = store.load("hash-" + i, NOW);
            assertThat(loaded).as("session %d", i).isPresent();
            assertThat(loaded.get().beans().get("bean").state()).isEqualTo(state(i));
        }
    }

    @Test
    void nodesThatStartTogetherOnAVersionOneSchemaUpgradeItOnce() throws SQLException, IOException {
        runScript("ddl-version-1/" + dialect() + ".sql");
        int nodes = 4;
        CyclicBarrier together = new CyclicBarrier(nodes);
        List<CompletableFuture<Void>> starts = IntStream.range(0, nodes)
                .mapToObj(i -> CompletableFuture.runAsync(() -> {
                    try {
                        together.await(30, TimeUnit.SECONDS);
                        SchemaInstaller.ensureSchema(database);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();

        assertThat(CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new))).succeedsWithin(60,
                TimeUnit.SECONDS);
        assertThat(count("tether_schema_version")).isEqualTo(1);
        assertThat(version()).isEqualTo(SchemaInstaller.VERSION);
    }

    @Test
    void withoutSchemaCreationAVersionOneSchemaIsRefusedNamingTheUpgradeScript() throws SQLException, IOException {
        runScript("ddl-version-1/" + dialect() + ".sql");

        assertThatThrownBy(() -> SchemaInstaller.checkSchema(database))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema version 1")
                .hasMessageContaining("META-INF/tether/ddl/upgrade/" + dialect() + "-2.sql")
                .hasMessageContaining("tether.schema.create");
    }

    @Test
    void withoutSchemaCreationMissingTablesAreRefusedNamingTheCreationScript() throws SQLException {
        String dialect = dialect();

        assertThatThrownBy(() -> SchemaInstaller.checkSchema(database))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("META-INF/tether/ddl/" + dialect + ".sql");
    }

    @Test
    void theShippedUpgradeScriptRunByHandBringsAVersionOneSchemaUpToDate() throws SQLException, IOException {
        runScript("ddl-version-1/" + dialect() + ".sql");

        runScript("META-INF/tether/ddl/upgrade/" + dialect() + "-2.sql");

        SchemaInstaller.checkSchema(database);
        assertThat(version()).isEqualTo(SchemaInstaller.VERSION);
    }

    @Test
    void aSchemaCreatedNowIsAtTheCurrentVersionAndPassesTheCheck() throws SQLException {
        SchemaInstaller.ensureSchema(database);

        SchemaInstaller.checkSchema(database);
        assertThat(version()).isEqualTo(SchemaInstaller.VERSION);
    }

    private static SessionRow session(int i) {
        return new SessionRow("pk-" + i, "hash-" + i, NOW - 10, NOW - 10, NOW + 60_000, 60_000, NOW + 600_000,
                Optional.of("user-" + i));
    }

    private static byte[] state(int i) {
        return ("state of session " + i).getBytes(StandardCharsets.UTF_8);
    }

    private String dialect() throws SQLException {
        try (Connection c = database.getConnection()) {
            return Dialect.of(c.getMetaData().getDatabaseProductName()).scriptName();
        }
    }

    private int version() throws SQLException {
        try (Connection c = database.getConnection()) {
            return SchemaInstaller.versionOf(c);
        }
    }

    /** A script from the class path, statement by statement, as an operator runs it. */
    private void runScript(String resource) throws SQLException, IOException {
        String script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutComments = script.lines().filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + "\n" + b);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String sql : withoutComments.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql.strip());
                }
            }
        }
    }

    private long count(String table) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
