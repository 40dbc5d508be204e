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
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tether.config.StoreKind;
import dev.tether.config.TableNames;
import dev.tether.spi.LockedSession;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionChanges.BeanWrite;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionStore;
import dev.tether.support.db.RunsOnEveryDatabase;
import dev.tether.support.db.TestDatabase;

/**
 * With {@code tether.table-prefix} and {@code tether.schema.name}, the schema is created, upgraded and checked under
 * those names, and every statement of both stores (load, write, lock, lease, purge) goes to them; the tables of the
 * default names are never made.
 */
@RunsOnEveryDatabase
class RenamedTablesTest {

    private static final long NOW = 1_000_000;

    private final DataSource database = TestDatabase.selected().newDatabase();
    private final String schema = "tether_names_" + UUID.randomUUID().toString().substring(0, 8);
    private final TableNames names = new TableNames(Optional.of(schema), "shop_");
    private SqlSessionStore store;

    @BeforeEach
    void createTheSchema() throws SQLException {
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
        if (database instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aStoreCreatesUsesAndPurgesOnlyTheRenamedTables(StoreKind kind) throws SQLException {
        store = SessionStores.start(database, kind, true, 1024 * 1024, false,
                SessionStores.TOOL_TIMEOUT_SECONDS, names);
        store.save(SessionChanges.creating(session("live", NOW + 60_000), List.of(bean("cart"))));
        store.save(SessionChanges.creating(session("old", NOW - 1), List.of(bean("cart"))));

        assertThat(store.load("hash-live", NOW)).hasValueSatisfying(loaded ->
                assertThat(loaded.beans()).containsKey("cart"));
        assertThat(store.findByPrincipal("user", NOW)).extracting(SessionRow::pk).containsExactly("pk-live");
        try (LockedSession locked = store.lockAndLoad("hash-live", NOW, 1000).orElseThrow()) {
            assertThat(locked.session().beans()).containsKey("cart");
        }
        assertThat(store.acquireLease("purge", "node-1", NOW, NOW + 60_000)).isTrue();
        List<SessionRow> expired = store.findExpired(NOW, 10);
        assertThat(expired).extracting(SessionRow::pk).containsExactly("pk-old");
        assertThat(store.deleteExpired(List.of("pk-old"), NOW)).containsExactly("pk-old");

        assertThat(count(schema + ".shop_session")).isEqualTo(1);
        assertThat(count(schema + ".shop_bean")).isEqualTo(1);
        assertThat(count(schema + ".shop_lease WHERE holder = 'node-1'")).isEqualTo(1);
        assertThat(indexExists("shop_session_expires", schema + ".shop_session")).isTrue();
        assertThat(tableExists("tether_session")).isFalse();
        assertThat(tableExists("tether_lease")).isFalse();
    }

    @Test
    void aVersionOneSchemaUnderTheRenamedTablesIsUpgradedKeepingItsSessions() throws SQLException, IOException {
        runStatements(SchemaScript.rename(resource("ddl-version-1/" + dialect().scriptName() + ".sql"), names));
        // as Tether of that version wrote it: the bean row with a key of its own
        runStatements("INSERT INTO " + schema + ".shop_session (session_pk, id_hash, created_at, last_accessed_at, "
                + "expires_at, idle_timeout_ms, absolute_expires_at, principal) VALUES ('pk-kept', 'hash-kept', "
                + (NOW - 10) + ", " + (NOW - 10) + ", " + (NOW + 60_000) + ", 60000, " + (NOW + 600_000) + ", 'user');"
                + "INSERT INTO " + schema + ".shop_bean (bean_pk, session_pk, bean_key, codec, state_bytes, "
                + "state_version) VALUES ('bean-kept', 'pk-kept', 'cart', 'java', NULL, 1)");

        SchemaInstaller.ensureSchema(database, names);

        try (Connection c = database.getConnection()) {
            assertThat(SchemaInstaller.versionOf(c, names)).isEqualTo(SchemaInstaller.VERSION);
        }
        assertThat(count(schema + ".shop_schema_version")).isEqualTo(1);
        assertThat(SessionStores.jdbc(database, names).load("hash-kept", NOW)).isPresent();
        assertThat(tableExists("tether_schema_version")).isFalse();
    }

    @Test
    void withoutSchemaCreationTheCheckNamesTheRenamedTableAndHowToPrintTheScript() throws SQLException {
        assertThatThrownBy(() -> SchemaInstaller.checkSchema(database, names))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(schema + ".shop_session")
                .hasMessageContaining("dev.tether.store.SchemaScript " + dialect().scriptName()
                        + " tether.table-prefix=shop_ tether.schema.name=" + schema);
    }

    @Test
    void thePrintedScriptRunByADbaMakesASchemaTheCheckAccepts() throws SQLException {
        runStatements(SchemaScript.creation(dialect(), names).text());

        SchemaInstaller.checkSchema(database, names);

        assertThat(count(schema + ".shop_lease WHERE lease_name = 'purge'")).isEqualTo(1);
        assertThat(tableExists("tether_session")).isFalse();
    }

    @Test
    void twoPrefixesShareOneSchema() throws SQLException {
        SchemaInstaller.ensureSchema(database, names);
        TableNames other = new TableNames(Optional.of(schema), "blog_");

        SchemaInstaller.ensureSchema(database, other);
        SessionStores.jdbc(database, other).save(SessionChanges.creating(session("blog", NOW + 60_000),
                List.of(bean("draft"))));

        assertThat(count(schema + ".blog_session")).isEqualTo(1);
        assertThat(count(schema + ".shop_session")).isZero();
    }

    private static SessionRow session(String name, long expiresAt) {
        return new SessionRow("pk-" + name, "hash-" + name, NOW - 10, NOW - 10, expiresAt, 60_000, NOW + 600_000,
                Optional.of("user"));
    }

    private static BeanWrite bean(String key) {
        return new BeanWrite(key, "java", key.getBytes(StandardCharsets.UTF_8), 0, true);
    }

    private Dialect dialect() throws SQLException {
        try (Connection c = database.getConnection()) {
            return Dialect.of(c.getMetaData().getDatabaseProductName());
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = database.getConnection()) {
            return SchemaObject.tableExists(c, table);
        }
    }

    private boolean indexExists(String index, String table) throws SQLException {
        try (Connection c = database.getConnection()) {
            return SchemaObject.of("CREATE INDEX " + index + " ON " + table + " (x)").existsIn(c, dialect());
        }
    }

    private long count(String tableAndWhere) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + tableAndWhere)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A script's statements one by one, its comment lines left out, as an operator's client runs them. */
    private void runStatements(String script) throws SQLException {
        String code = script.lines().filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + "\n" + b);
        for (String sql : code.split(";")) {
            if (!sql.isBlank()) {
                execute(sql.strip());
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
