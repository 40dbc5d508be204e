package dev.tether.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    private SchemaInstaller() {
    }

    /**
     * Runs the statements of the script whose table is missing: each {@code CREATE TABLE}, and the indexes and rows
     * that belong to that table. A schema from an earlier version gains the tables it lacks; an up-to-date schema
     * costs one probe per table.
     */
    public static void ensureSchema(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            String dialect = dialectOf(connection.getMetaData().getDatabaseProductName());
            List<String> statements = statementsOf(script(dialect));
            Set<String> existing = new HashSet<>();
            for (String sql : statements) {
                tableOf(sql).filter(table -> sql.toUpperCase(Locale.ROOT).startsWith("CREATE TABLE"))
                        .filter(table -> tableExists(connection, table)).ifPresent(existing::add);
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    String table = tableOf(sql).orElse("");
                    if (!existing.contains(table)) {
                        LOG.info(() -> "Tether: " + sql.lines().findFirst().orElse(sql)
                                + " (META-INF/tether/ddl/" + dialect + ".sql)");
                        statement.execute(sql);
                    }
                }
            }
        }
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
