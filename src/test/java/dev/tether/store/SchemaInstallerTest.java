package dev.tether.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tether.config.TableNames;
import dev.tether.support.db.RunsOnEveryDatabase;
import dev.tether.support.db.TestDatabase;

/**
 * The shipped DDL of each database creates what is missing and leaves what exists alone, each table, index and row
 * checked on its own: a schema that a start left half-made is completed, or refused naming what is missing.
 */
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
    void aMissingLeaseRowIsPutBackSoThePurgeCanRun() throws SQLException {
        SchemaInstaller.ensureSchema(database);
        execute("DELETE FROM tether_lease");

        SchemaInstaller.ensureSchema(database);

        assertThat(count("tether_lease WHERE lease_name = 'purge'")).isEqualTo(1);
    }

    @Test
    void aMissingIndexIsCreated() throws SQLException {
        SchemaInstaller.ensureSchema(database);
        execute(dropIndex("tether_session_expires", "tether_session"));

        SchemaInstaller.ensureSchema(database);

        assertThat(indexExists("tether_session_expires", "tether_session")).isTrue();
    }

    @Test
    void aScriptThatStoppedAfterItsFirstTableIsCompleted() throws SQLException {
        execute(firstStatementOfTheScript());

        SchemaInstaller.ensureSchema(database);

        assertThat(indexExists("tether_session_expires", "tether_session")).isTrue();
        assertThat(indexExists("tether_session_principal", "tether_session")).isTrue();
        assertThat(count("tether_bean")).isZero();
        assertThat(count("tether_lease WHERE lease_name = 'purge'")).isEqualTo(1);
        assertThat(count("tether_schema_version WHERE version = " + SchemaInstaller.VERSION)).isEqualTo(1);
    }

    @Test
    void whatCannotBeMadeFailsTheStartNamingIt() throws SQLException {
        SchemaInstaller.ensureSchema(database);
        execute("DROP TABLE tether_lease");
        execute("CREATE TABLE tether_lease (other_column INTEGER)");

        assertThatThrownBy(() -> SchemaInstaller.ensureSchema(database, TableNames.DEFAULT, Duration.ofMillis(200)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row lease_name = 'purge' of table tether_lease missing");
    }

    @Test
    void withoutTheRightToCreateAHalfMadeSchemaIsRefusedNamingWhatIsMissing() throws SQLException {
        SchemaInstaller.ensureSchema(database);
        execute("DELETE FROM tether_lease");
        execute(dropIndex("tether_session_principal", "tether_session"));

        assertThatThrownBy(() -> SchemaInstaller.checkSchema(database))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tether.schema.create=false")
                .hasMessageContaining("index tether_session_principal of table tether_session")
                .hasMessageContaining("row lease_name = 'purge' of table tether_lease");
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

    private String dropIndex(String index, String table) throws SQLException {
        return dialect() == Dialect.MARIADB ? "DROP INDEX " + index + " ON " + table : "DROP INDEX " + index;
    }

    private String firstStatementOfTheScript() throws SQLException {
        return SchemaScript.creation(dialect(), TableNames.DEFAULT).statements().get(0);
    }

    private Dialect dialect() throws SQLException {
        try (Connection c = database.getConnection()) {
            return Dialect.of(c.getMetaData().getDatabaseProductName());
        }
    }

    private boolean indexExists(String index, String table) throws SQLException {
        try (Connection c = database.getConnection()) {
            return SchemaObject.of("CREATE INDEX " + index + " ON " + table + " (x)").existsIn(c, dialect());
        }
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
