package dev.tether.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Creates Tether's tables when they are missing, from the DDL script for the database at hand. The same
 * scripts ship in the jar under {@code META-INF/tether/ddl/} for teams that manage their schema by hand.
 */
public final class SchemaInstaller {

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());
    /** How long a node that lost the race to create the tables waits for the winner to finish them. */
    private static final Duration RACE_WAIT = Duration.ofSeconds(10);

    private SchemaInstaller() {
    }

    /**
     * Creates the tables unless they exist. Several nodes that start on one empty database at once may all try:
     * each one that loses the race waits (a bounded while) for the winner's tables instead of failing.
     */
    public static void ensureSchema(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (tablesExist(connection)) {
                return;
            }
            String dialect = dialectOf(connection.getMetaData().getDatabaseProductName());
            LOG.info(() -> "Tether: creating its tables with META-INF/tether/ddl/" + dialect + ".sql");
            try {
                runScript(connection, script(dialect));
            } catch (SQLException e) {
                if (!createdByAnother(connection)) {
                    throw e;
                }
            }
        }
    }

    /**
     * One transaction where DDL is transactional (PostgreSQL, SQL Server): a racing node then sees all of the
     * schema or none of it. Elsewhere each statement commits on its own and the wait below covers the gap.
     */
    private static void runScript(Connection connection, String script) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql.strip());
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static boolean createdByAnother(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + RACE_WAIT.toNanos();
        while (!tablesExist(connection)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The script name for a JDBC product name. */
    static String dialectOf(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return "h2";
        } else if (name.contains("postgres")) {
            return "postgresql";
        } else if (name.contains("mariadb") || name.contains("mysql")) {
            return "mariadb";
        } else if (name.contains("oracle")) {
            return "oracle";
        } else if (name.contains("microsoft") || name.contains("sql server")) {
            return "sqlserver";
        }
        throw new IllegalStateException("Tether has no DDL script for " + productName + "; create the tables "
                + "by hand from one of META-INF/tether/ddl/*.sql and set tether.schema.create=false");
    }

    private static boolean tablesExist(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM tether_bean WHERE 1 = 0").close();
            return true;
        } catch (SQLException missing) {
            return false;
        }
    }

    private static String script(String dialect) {
        String path = "META-INF/tether/ddl/" + dialect + ".sql";
        try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the Tether jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
