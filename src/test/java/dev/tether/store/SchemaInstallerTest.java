package dev.tether.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The shipped DDL creates what is missing and leaves what exists alone. */
class SchemaInstallerTest {

    private final JdbcDataSource h2 = new JdbcDataSource();

    SchemaInstallerTest() {
        h2.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void anEmptyDatabaseGetsEveryTable() throws SQLException {
        SchemaInstaller.ensureSchema(h2);

        assertThat(count("tether_session")).isZero();
        assertThat(count("tether_bean")).isZero();
        assertThat(count("tether_lease")).isEqualTo(1);
    }

    @Test
    void runningItTwiceChangesNothing() throws SQLException {
        SchemaInstaller.ensureSchema(h2);
        execute("INSERT INTO tether_lease (lease_name, holder, held_until) VALUES ('other', NULL, 0)");

        SchemaInstaller.ensureSchema(h2);

        assertThat(count("tether_lease")).isEqualTo(2);
    }

    @Test
    void anOlderSchemaGainsOnlyTheTableItLacks() throws SQLException {
        SchemaInstaller.ensureSchema(h2);
        execute("DROP TABLE tether_lease");
        execute("INSERT INTO tether_session VALUES ('pk', 'hash', 0, 0, 1, 1, 1, NULL)");

        SchemaInstaller.ensureSchema(h2);

        assertThat(count("tether_lease")).isEqualTo(1);
        assertThat(count("tether_session")).isEqualTo(1);
    }

    @Test
    void everyDatabaseProductNameMapsToItsScript() {
        assertThat(SchemaInstaller.dialectOf("PostgreSQL")).isEqualTo("postgresql");
        assertThat(SchemaInstaller.dialectOf("MariaDB")).isEqualTo("mariadb");
        assertThat(SchemaInstaller.dialectOf("MySQL")).isEqualTo("mariadb");
        assertThat(SchemaInstaller.dialectOf("Oracle")).isEqualTo("oracle");
        assertThat(SchemaInstaller.dialectOf("Microsoft SQL Server")).isEqualTo("sqlserver");
        assertThat(SchemaInstaller.dialectOf("H2")).isEqualTo("h2");
    }

    private long count(String table) throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
