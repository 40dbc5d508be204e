package dev.tether.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Creates Tether's tables when they are missing, from the DDL script for the database at hand. The same
 * scripts ship in the jar under {@code META-INF/tether/ddl/} for teams that manage their schema by hand.
 */
public final class SchemaInstaller {

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());

    private SchemaInstaller() {
    }

    public static void ensureSchema(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (tablesExist(connection)) {
                return;
            }
            String dialect = dialectOf(connection.getMetaData().getDatabaseProductName());
            LOG.info(() -> "Tether: creating its tables with META-INF/tether/ddl/" + dialect + ".sql");
            try (Statement statement = connection.createStatement()) {
                for (String sql : script(dialect).split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql.strip());
                    }
                }
            }
        }
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
            statement.executeQuery("SELECT COUNT(*) FROM tether_lease WHERE 1 = 0").close();
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
