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
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Creates Tether's tables when they are missing, from the DDL script for the database at hand, and brings an older
 * schema up to {@link #VERSION}. The same scripts ship in the jar under {@code META-INF/tether/ddl/} (creation) and
 * {@code META-INF/tether/ddl/upgrade/} (one script per version and database) for teams that manage their schema by
 * hand; with {@code tether.schema.create=false} Tether only checks the schema, and refuses to start on an older one,
 * naming the scripts to run.
 *
 * <p>Versions: 1 is the layout before the schema recorded its version (no {@code tether_schema_version} table);
 * 2 adds that table. A version's upgrade only ever adds to the schema, so a node of the version before keeps working
 * on it during a rolling deploy.
 */
public final class SchemaInstaller {

    /** The schema version this Tether reads and writes. */
    public static final int VERSION = 2;
    private static final String VERSION_TABLE = "tether_schema_version";

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());
    /** The table named by a CREATE TABLE, CREATE INDEX ... ON or INSERT INTO statement. */
    private static final Pattern TABLE = Pattern.compile(
            "^(?:CREATE TABLE|CREATE INDEX \\w+ ON|INSERT INTO)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    /** How long a node that lost the race to create the tables waits for the winner to finish them. */
    private static final Duration RACE_WAIT = Duration.ofSeconds(10);
    /** A probe of a database that hangs rather than refuses fails after this, so a readiness check answers. */
    private static final int PROBE_TIMEOUT_SECONDS = 5;

    private SchemaInstaller() {
    }

    /**
     * Runs the statements of the script whose table is missing: each {@code CREATE TABLE}, and the indexes and rows
     * that belong to that table. A schema from an earlier version gains the tables it lacks; an up-to-date schema
     * costs one probe per table. Several nodes that start on one database at once may all try: each one that loses
     * the race waits (a bounded while) for the winner's tables instead of failing.
     *
     * @return the database's dialect
     */
    public static Dialect ensureSchema(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Dialect dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
            List<String> statements = statementsOf(script(dialect.scriptName() + ".sql"));
            Set<String> existing = new HashSet<>();
            for (String table : tablesCreatedBy(statements)) {
                if (tableExists(connection, table)) {
                    existing.add(table);
                }
            }
            List<String> missing = statements.stream()
                    .filter(sql -> !existing.contains(tableOf(sql).orElse(""))).toList();
            if (!missing.isEmpty()) {
                try {
                    run(connection, missing, "META-INF/tether/ddl/" + dialect.scriptName() + ".sql");
                } catch (SQLException e) {
                    if (!createdByAnother(connection, tablesCreatedBy(statements))) {
                        throw e;
                    }
                }
            }
            upgrade(connection, dialect);
            return dialect;
        }
    }

    /**
     * Checks, without changing anything, that the schema is there and at {@link #VERSION}: for
     * {@code tether.schema.create=false}, where the schema is the operator's to manage.
     *
     * @return the database's dialect
     * @throws IllegalStateException naming the scripts to run, when the tables are missing or older
     */
    public static Dialect checkSchema(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
            if (!tableExists(connection, "tether_session")) {
                throw new IllegalStateException("Tether: its tables are missing and tether.schema.create=false; run "
                        + "META-INF/tether/ddl/" + dialect.scriptName() + ".sql from the Tether jar first");
            }
            int version = versionOf(connection);
            if (version < VERSION) {
                StringBuilder scripts = new StringBuilder();
                for (int next = version + 1; next <= VERSION; next++) {
                    scripts.append(next == version + 1 ? "" : ", then ").append(upgradeScript(dialect, next));
                }
                throw new IllegalStateException("Tether: the session tables are at schema version " + version
                        + ", this Tether needs version " + VERSION + " and tether.schema.create=false; run "
                        + scripts + " from the Tether jar (by hand, or from Flyway or Liquibase), or let Tether "
                        + "upgrade them with tether.schema.create=true");
            }
            warnIfNewer(version);
            return dialect;
        }
    }

    /**
     * The question a readiness check asks at each probe: one
     * statement that reads no row of the session table but fails when the database or the table is gone.
     */
    static void probe(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            statement.executeQuery("SELECT COUNT(*) FROM tether_session WHERE 1 = 0").close();
        }
    }

    /**
     * Runs the upgrade script of each version after the schema's own, in order. Version 2's script is the version
     * table itself, which the creation above already added; later versions' scripts run here, each in one
     * transaction where DDL is transactional. A node that loses the race to another waits for its result.
     */
    private static void upgrade(Connection connection, Dialect dialect) throws SQLException {
        int version = versionOf(connection);
        for (int next = version + 1; next <= VERSION; next++) {
            String path = upgradeScript(dialect, next);
            try {
                run(connection, statementsOf(script("upgrade/" + dialect.scriptName() + "-" + next + ".sql")), path);
            } catch (SQLException e) {
                if (!upgradedByAnother(connection, next)) {
                    throw e;
                }
            }
        }
        warnIfNewer(version);
    }

    private static String upgradeScript(Dialect dialect, int version) {
        return "META-INF/tether/ddl/upgrade/" + dialect.scriptName() + "-" + version + ".sql";
    }

    /** 1 without the version table (the layout before it), otherwise the highest version recorded. */
    static int versionOf(Connection connection) throws SQLException {
        if (!tableExists(connection, VERSION_TABLE)) {
            return 1;
        }
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
            // the table itself is version 2: a node that created it may not have recorded the row yet
            return result.next() ? Math.max(2, result.getInt(1)) : 2;
        }
    }

    /** A schema newer than this Tether knows: an upgrade only adds, so an older node can still work on it. */
    private static void warnIfNewer(int version) {
        if (version > VERSION) {
            LOG.warning(() -> "Tether: the session tables are at schema version " + version + ", newer than this "
                    + "Tether's " + VERSION + "; carrying on, since every upgrade only adds to the schema");
        }
    }

    private static boolean upgradedByAnother(Connection connection, int version) {
        return waitedFor(() -> {
            try {
                return versionOf(connection) >= version;
            } catch (SQLException e) {
                return false;
            }
        });
    }

    /**
     * One transaction where DDL is transactional (PostgreSQL, SQL Server): a racing node then sees all of the new
     * tables or none of them. Elsewhere each statement commits on its own and the wait below covers the gap.
     */
    private static void run(Connection connection, List<String> statements, String script) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                LOG.info(() -> "Tether: " + sql.lines().findFirst().orElse(sql) + " (" + script + ")");
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
        return waitedFor(() -> tables.stream().allMatch(table -> tableExists(connection, table)));
    }

    /** Polls until the node that won a race has finished, for at most {@link #RACE_WAIT}. */
    private static boolean waitedFor(BooleanSupplier done) {
        long deadline = System.nanoTime() + RACE_WAIT.toNanos();
        while (!done.getAsBoolean()) {
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

    private static boolean tableExists(Connection connection, String table) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException missing) {
            return false;
        }
    }

    /** A script under {@code META-INF/tether/ddl/}, without its comment lines. */
    private static String script(String name) {
        String path = "META-INF/tether/ddl/" + name;
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
