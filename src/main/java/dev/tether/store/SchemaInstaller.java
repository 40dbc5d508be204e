package dev.tether.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Creates Tether's tables when they are missing, from the DDL script for the database at hand. The same
 * scripts ship in the jar under {@code META-INF/tether/ddl/} for teams that manage their schema by hand.
 */
public final class SchemaInstaller {

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());
    /** The table named by a CREATE TABLE, CREATE INDEX ... ON or INSERT INTO statement. */
    private static final Pattern TABLE = Pattern.compile(
            "^(?:CREATE TABLE|CREATE INDEX \\w+ ON|INSERT INTO)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    /** How long a node that lost the race to create the tables waits for the winner to finish them. */
    private static final Duration RACE_WAIT = Duration.ofSeconds(10);

    private SchemaInstaller() {
    }

    /**
     * Runs the statements of the script whose table is missing: each {@code CREATE TABLE}, and the indexes and rows
     * that belong to that table. A schema from an earlier version gains the tables it lacks; an up-to-date schema
     * costs one probe per table. Several nodes that start on one database at once may all try: each one that loses
     * the race waits (a bounded while) for the winner's tables instead of failing.
     */
    public static void ensureSchema(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            String dialect = dialectOf(connection.getMetaData().getDatabaseProductName());
            List<String> statements = statementsOf(script(dialect));
            Set<String> existing = new HashSet<>();
            for (String table : tablesCreatedBy(statements)) {
                if (tableExists(connection, table)) {
                    existing.add(table);
                }
            }
            List<String> missing = statements.stream()
                    .filter(sql -> !existing.contains(tableOf(sql).orElse(""))).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                run(connection, missing, dialect);
            } catch (SQLException e) {
                if (!createdByAnother(connection, tablesCreatedBy(statements))) {
                    throw e;
                }
            }
        }
    }

    /**
     * One transaction where DDL is transactional (PostgreSQL, SQL Server): a racing node then sees all of the new
     * tables or none of them. Elsewhere each statement commits on its own and the wait below covers the gap.
     */
    private static void run(Connection connection, List<String> statements, String dialect) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                LOG.info(() -> "Tether: " + sql.lines().findFirst().orElse(sql)
                        + " (META-INF/tether/ddl/" + dialect + ".sql)");
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static boolean createdByAnother(Connection connection, List<String> tables) {
        long deadline = System.nanoTime() + RACE_WAIT.toNanos();
        while (!tables.stream().allMatch(table -> tableExists(connection, table))) {
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

    private static List<String> tablesCreatedBy(List<String> statements) {
        return statements.stream().filter(sql -> sql.toUpperCase(Locale.ROOT).startsWith("CREATE TABLE"))
                .map(SchemaInstaller::tableOf).flatMap(Optional::stream).toList();
    }

    private static List<String> statementsOf(String script) {
        return Arrays.stream(script.split(";")).map(String::strip).filter(sql -> !sql.isEmpty()).toList();
    }

    /** The table a statement creates, indexes or fills. */
    static Optional<String> tableOf(String sql) {
        Matcher matcher = TABLE.matcher(sql);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
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

    private static boolean tableExists(Connection connection, String table) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").close();
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
