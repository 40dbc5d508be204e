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
import dev.tether.spi.SessionUpdate;
import dev.tether.spi.StoredSession;

/**
 * A database made with an earlier schema (version 1, before the schema was versioned, and version 2, whose bean rows
 * had a key column of their own: this repository's DDL of then, kept in {@code src/test/resources/ddl-version-N/})
 * and holding sessions is upgraded in place: by Tether at startup, once even when several nodes start together, or
 * by hand from the shipped scripts; nodes of the version before keep writing beside upgraded ones; and Tether refuses
 * to start on it when it may not change the schema, naming the scripts.
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
        for (int i = 0; i < 3; i++) {
            saveAsAnOlderNode(i);
        }

        SchemaInstaller.ensureSchema(database);

        assertThat(version()).isEqualTo(SchemaInstaller.VERSION);
        assertEverySessionLoads(SessionStores.jdbc(database));
    }

    @Test
    void aVersionTwoDatabaseIsUpgradedAndEverySessionInItStillLoadsAndChanges() throws SQLException, IOException {
        runScript("ddl-version-2/" + dialect() + ".sql");
        for (int i = 0; i < 3; i++) {
            saveAsAnOlderNode(i);
        }

        SchemaInstaller.ensureSchema(database);

        assertThat(version()).isEqualTo(SchemaInstaller.VERSION);
        SessionStore store = SessionStores.jdbc(database);
        assertEverySessionLoads(store);
        SessionRow row = session(0);
        store.save(SessionChanges.updating(SessionUpdate.none(row.pk(), new SessionUpdate.Identity(row.idHash(),
                        row.principal()), NOW), List.of(new BeanWrite("second", "java", state(7), 0, true)),
                List.of(new BeanWrite("bean", "java", state(8), 1, true)), List.of()));
        StoredSession changed = store.load("hash-0", NOW).orElseThrow();
        assertThat(changed.beans().get("bean").state()).isEqualTo(state(8));
        assertThat(changed.beans().get("second").state()).isEqualTo(state(7));
    }

    /** A rolling deploy: a node of version 2 still fills the old key column, and its beans load on upgraded nodes. */
    @Test
    void aNodeOfTheVersionBeforeKeepsWritingOnTheUpgradedSchema() throws SQLException, IOException {
        runScript("ddl-version-2/" + dialect() + ".sql");
        SchemaInstaller.ensureSchema(database);

        for (int i = 0; i < 3; i++) {
            saveAsAnOlderNode(i);
        }

        assertEverySessionLoads(SessionStores.jdbc(database));
        assertThatThrownBy(() -> saveBeanAsAnOlderNode(0, "bean")).as("a bean key stays unique in its session")
                .isInstanceOf(SQLException.class);
    }

    @Test
    void nodesThatStartTogetherOnAVersionTwoSchemaUpgradeItOnce() throws SQLException, IOException {
        runScript("ddl-version-2/" + dialect() + ".sql");
        saveAsAnOlderNode(0);
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
        assertThat(count("tether_schema_version WHERE version = " + SchemaInstaller.VERSION)).isEqualTo(1);
        assertThat(SessionStores.jdbc(database).load("hash-0", NOW)).isPresent();
    }

    /** A creation that stopped before it recorded its version is completed, never taken for an older schema. */
    @Test
    void aCurrentSchemaWithoutItsVersionRowIsCompletedNotUpgraded() throws SQLException {
        SchemaInstaller.ensureSchema(database);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM tether_schema_version");
        }

        SchemaInstaller.ensureSchema(database);

        assertThat(version()).isEqualTo(SchemaInstaller.VERSION);
        SessionStore store = SessionStores.jdbc(database);
        store.save(SessionChanges.creating(session(0), List.of(new BeanWrite("bean", "java", state(0), 0, true))));
        assertThat(store.load("hash-0", NOW)).isPresent();
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
    void withoutSchemaCreationAVersionOneSchemaIsRefusedNamingTheUpgradeScripts() throws SQLException, IOException {
        runScript("ddl-version-1/" + dialect() + ".sql");

        assertThatThrownBy(() -> SchemaInstaller.checkSchema(database))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema version 1")
                .hasMessageContaining("META-INF/tether/ddl/upgrade/" + dialect() + "-2.sql, then "
                        + "META-INF/tether/ddl/upgrade/" + dialect() + "-3.sql")
                .hasMessageContaining("tether.schema.create");
    }

    @Test
    void withoutSchemaCreationAVersionTwoSchemaIsRefusedNamingTheUpgradeScript() throws SQLException, IOException {
        runScript("ddl-version-2/" + dialect() + ".sql");

        assertThatThrownBy(() -> SchemaInstaller.checkSchema(database))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema version 2")
                .hasMessageContaining("META-INF/tether/ddl/upgrade/" + dialect() + "-3.sql");
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

        saveAsAnOlderNode(0);

        runScript("META-INF/tether/ddl/upgrade/" + dialect() + "-2.sql");
        runScript("META-INF/tether/ddl/upgrade/" + dialect() + "-3.sql");

        SchemaInstaller.checkSchema(database);
        assertThat(version()).isEqualTo(SchemaInstaller.VERSION);
        assertThat(SessionStores.jdbc(database).load("hash-0", NOW)).isPresent();
    }

    @Test
    void aSchemaCreatedNowIsAtTheCurrentVersionAndPassesTheCheck() throws SQLException {
        SchemaInstaller.ensureSchema(database);

        SchemaInstaller.checkSchema(database);
        assertThat(version()).isEqualTo(SchemaInstaller.VERSION);
    }

    /** A session with one bean, written the way Tether of schema version 1 and 2 wrote it: the bean with a key of its own. */
    private void saveAsAnOlderNode(int i) throws SQLException {
        SessionRow row = session(i);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO tether_session (session_pk, id_hash, created_at, last_accessed_at, expires_at, "
                    + "idle_timeout_ms, absolute_expires_at, principal) VALUES ('" + row.pk() + "', '" + row.idHash()
                    + "', " + row.createdAt() + ", " + row.lastAccessedAt() + ", " + row.expiresAt() + ", "
                    + row.idleTimeoutMillis() + ", " + row.absoluteExpiresAt() + ", 'user-" + i + "')");
        }
        saveBeanAsAnOlderNode(i, "bean");
    }

    private void saveBeanAsAnOlderNode(int i, String key) throws SQLException {
        try (Connection c = database.getConnection(); var insert = c.prepareStatement("INSERT INTO tether_bean "
                + "(bean_pk, session_pk, bean_key, codec, state_bytes, state_version) VALUES (?, ?, ?, 'java', ?, 1)")) {
            insert.setString(1, "bean-" + i + "-" + key);
            insert.setString(2, "pk-" + i);
            insert.setString(3, key);
            insert.setBytes(4, state(i));
            insert.executeUpdate();
        }
    }

    private void assertEverySessionLoads(SessionStore store) {
        for (int i = 0; i < 3; i++) {
            Optional<StoredSession> loaded = store.load("hash-" + i, NOW);
            assertThat(loaded).as("session %d", i).isPresent();
            assertThat(loaded.get().beans().get("bean").state()).isEqualTo(state(i));
        }
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
