package dev.tether.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.tether.config.TableNames;

/**
 * Creates Tether's tables when they are missing, from the DDL script for the database at hand, and brings an older
 * schema up to {@link #VERSION}. The same scripts ship in the jar under {@code META-INF/tether/ddl/} (creation) and
 * {@code META-INF/tether/ddl/upgrade/} (one script per version and database) for teams that manage their schema by
 * hand ({@link SchemaScript} prints them with a table prefix and schema applied); with
 * {@code tether.schema.create=false} Tether only checks the schema, and refuses to start on an older or incomplete
 * one, naming the scripts to run or what is missing.
 *
 * <p>Versions: 1 is the layout before the schema recorded its version (no {@code tether_schema_version} table);
 * 2 adds that table; 3 keys a bean row by its session and bean key instead of a column of its own
 * ({@code bean_pk}, kept but no longer filled). A version's upgrade leaves what the version before writes in place,
 * so a node of the version before keeps working on it during a rolling deploy.
 */
public final class SchemaInstaller {

    /** The schema version this Tether reads and writes. */
    public static final int VERSION = 3;

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());
    /** How long a node that lost the race to create the tables waits for the winner to finish them. */
    private static final Duration RACE_WAIT = Duration.ofSeconds(10);
    /** A probe of a database that hangs rather than refuses fails after this, so a readiness check answers. */
    private static final int PROBE_TIMEOUT_SECONDS = 5;

    private SchemaInstaller() {
    }

    /**
     * Makes each table, index and row of the creation script that is missing, each checked on its own: an empty
     * database gets the whole script, a schema from an earlier version the tables it lacks, and one that a start
     * left half-made (DDL commits statement by statement on MariaDB and H2) the rest of it. An up-to-date schema
     * costs one question per object. Several nodes that start on one database at once may all try: each one that
     * loses the race waits (a bounded while) for the winner's objects instead of failing.
     *
     * @return the database's dialect
     * @throws IllegalStateException naming what is missing, when it cannot be made
     */
    public static Dialect ensureSchema(DataSource dataSource, TableNames names) throws SQLException {
        return ensureSchema(dataSource, names, RACE_WAIT);
    }

    /** {@link #ensureSchema(DataSource, TableNames)} with the scripts' own names. */
    public static Dialect ensureSchema(DataSource dataSource) throws SQLException {
        return ensureSchema(dataSource, TableNames.DEFAULT);
    }

    static Dialect ensureSchema(DataSource dataSource, TableNames names, Duration raceWait) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Dialect dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
            SchemaScript script = SchemaScript.creation(dialect, names);
            if (!script.objects().get(0).existsIn(connection, dialect)) {
                complete(connection, dialect, names, script, script.objects(), raceWait);
                return dialect;
            }
            // an earlier version's schema: its version is the upgrades' to record, once they have run
            List<SchemaObject> unversioned = script.objects().stream()
                    .filter(object -> !object.table().equals(names.table("schema_version"))
                            || object.kind() != SchemaObject.Kind.ROW)
                    .toList();
            complete(connection, dialect, names, script, unversioned, raceWait);
            upgrade(connection, dialect, names, raceWait);
            complete(connection, dialect, names, script, script.objects(), raceWait);
            return dialect;
        }
    }

    /** Makes those of {@code objects} that are missing, or waits for a node that makes them at the same time. */
    private static void complete(Connection connection, Dialect dialect, TableNames names, SchemaScript script,
                                 List<SchemaObject> objects, Duration raceWait) throws SQLException {
        List<SchemaObject> missing = missing(connection, dialect, objects);
        if (missing.isEmpty()) {
            return;
        }
        if (missing.size() < script.objects().size()) {
            LOG.warning(() -> "Tether: the session schema is incomplete (" + describe(missing)
                    + "); making what it lacks from " + script.path());
        }
        try {
            run(connection, missing.stream().map(SchemaObject::sql).toList(), script.path());
        } catch (SQLException e) {
            if (isConnectionFailure(e)) {
                throw e;
            }
            if (!waitedFor(() -> missing(connection, dialect, objects).isEmpty(), raceWait)) {
                throw new IllegalStateException("Tether: the session schema is incomplete and cannot be "
                        + "completed: " + describe(missing(connection, dialect, objects))
                        + " (" + e.getMessage() + "); make them as " + script.path() + " does"
                        + withNames(dialect, names, "") + ", or remove what is in their way", e);
            }
        }
    }

    /**
     * Checks, without changing anything, that the schema is there, complete and at {@link #VERSION}: for
     * {@code tether.schema.create=false}, where the schema is the operator's to manage.
     *
     * @return the database's dialect
     * @throws IllegalStateException naming the scripts to run, when the tables are missing or older, or what is
     *         missing, when the schema is incomplete
     */
    public static Dialect checkSchema(DataSource dataSource) throws SQLException {
        return checkSchema(dataSource, TableNames.DEFAULT);
    }

    /** {@link #checkSchema(DataSource)} for the tables of {@code names}. */
    public static Dialect checkSchema(DataSource dataSource, TableNames names) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // a question that fails (an object missing) must not abort the others' transaction (PostgreSQL)
            connection.setAutoCommit(true);
            Dialect dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
            SchemaScript script = SchemaScript.creation(dialect, names);
            SchemaObject sessions = script.objects().get(0);
            if (!sessions.existsIn(connection, dialect)) {
                throw new IllegalStateException("Tether: its tables are missing (no " + sessions.description()
                        + ") and tether.schema.create=false; run " + script.path() + " from the Tether jar first"
                        + withNames(dialect, names, ""));
            }
            int version = versionOf(connection, names);
            if (version < VERSION) {
                StringBuilder scripts = new StringBuilder();
                for (int next = version + 1; next <= VERSION; next++) {
                    scripts.append(next == version + 1 ? "" : ", then ").append(SchemaScript.upgradePath(dialect, next));
                }
                throw new IllegalStateException("Tether: the session tables are at schema version " + version
                        + ", this Tether needs version " + VERSION + " and tether.schema.create=false; run "
                        + scripts + " from the Tether jar (by hand, or from Flyway or Liquibase), or let Tether "
                        + "upgrade them with tether.schema.create=true" + withNames(dialect, names, " <version>"));
            }
            List<SchemaObject> missing = missing(connection, dialect, script.objects());
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Tether: the session schema is incomplete and "
                        + "tether.schema.create=false: " + describe(missing) + "; make them as " + script.path()
                        + " does, or let Tether complete the schema with tether.schema.create=true"
                        + withNames(dialect, names, ""));
            }
            warnIfNewer(version);
            return dialect;
        }
    }

    /**
     * The question a readiness check asks at each probe: one
     * statement that reads no row of the session table but fails when the database or the table is gone.
     */
    static void probe(Connection connection, TableNames names) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            statement.executeQuery("SELECT COUNT(*) FROM " + names.table("session") + " WHERE 1 = 0").close();
        }
    }

    /**
     * Runs the upgrade script of each version after the schema's own, in order. Version 2's script is the version
     * table itself, which the creation above already added; later versions' scripts run here, each in one
     * transaction where DDL is transactional. A node that loses the race to another waits for its result.
     */
    private static void upgrade(Connection connection, Dialect dialect, TableNames names, Duration raceWait)
            throws SQLException {
        int version = versionOf(connection, names);
        for (int next = version + 1; next <= VERSION; next++) {
            SchemaScript script = SchemaScript.upgrade(dialect, next, names);
            int target = next;
            try {
                run(connection, script.statements(), script.path());
            } catch (SQLException e) {
                if (!waitedFor(() -> versionOrZero(connection, names) >= target, raceWait)) {
                    throw e;
                }
            }
        }
        warnIfNewer(version);
    }

    /** 1 without the version table (the layout before it), otherwise the highest version recorded. */
    static int versionOf(Connection connection) throws SQLException {
        return versionOf(connection, TableNames.DEFAULT);
    }

    static int versionOf(Connection connection, TableNames names) throws SQLException {
        String table = names.table("schema_version");
        if (!SchemaObject.tableExists(connection, table)) {
            return 1;
        }
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("SELECT MAX(version) FROM " + table)) {
            int recorded = result.next() ? result.getInt(1) : 0;
            return recorded > 0 ? recorded : unrecordedVersion(connection, names);
        }
    }

    /**
     * The version of a schema whose version table holds no row yet: one that version 1 made and the version table
     * was just added to (its beans keyed by {@code bean_pk}, the key version 3 replaced), or a start of the current
     * creation script that stopped before recording it.
     */
    private static int unrecordedVersion(Connection connection, TableNames names) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT bean_pk FROM " + names.table("bean") + " WHERE 1 = 0").close();
            return 2;
        } catch (SQLException noSuchColumn) {
            return VERSION;
        }
    }

    private static int versionOrZero(Connection connection, TableNames names) {
        try {
            return versionOf(connection, names);
        } catch (SQLException e) {
            return 0;
        }
    }

    /** A schema newer than this Tether knows: an upgrade keeps what older nodes write, so they can still work on it. */
    private static void warnIfNewer(int version) {
        if (version > VERSION) {
            LOG.warning(() -> "Tether: the session tables are at schema version " + version + ", newer than this "
                    + "Tether's " + VERSION + "; carrying on, since every upgrade keeps what older nodes write");
        }
    }

    /** The objects not there, in the script's order; a missing table's indexes and rows are missing with it. */
    private static List<SchemaObject> missing(Connection connection, Dialect dialect, List<SchemaObject> objects) {
        List<String> missingTables = new ArrayList<>();
        List<SchemaObject> missing = new ArrayList<>();
        for (SchemaObject object : objects) {
            boolean tableMissing = missingTables.contains(object.table());
            if (tableMissing || !object.existsIn(connection, dialect)) {
                missing.add(object);
                if (object.kind() == SchemaObject.Kind.TABLE) {
                    missingTables.add(object.table());
                }
            }
        }
        return missing;
    }

    private static String describe(List<SchemaObject> objects) {
        return objects.stream().map(SchemaObject::description).collect(Collectors.joining(", ")) + " missing";
    }

    /** How to get a script with the names applied, when they are not the scripts' own. */
    private static String withNames(Dialect dialect, TableNames names, String version) {
        if (names.equals(TableNames.DEFAULT)) {
            return "";
        }
        return " (with tether.table-prefix and tether.schema.name applied: java -cp tether.jar "
                + SchemaScript.class.getName() + " " + dialect.scriptName() + version + " tether.table-prefix="
                + names.prefix() + names.schema().map(s -> " tether.schema.name=" + s).orElse("") + ")";
    }

    /** A failure of the connection itself (SQLState class 08): the database may come back, nothing to refuse. */
    private static boolean isConnectionFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    /**
     * One transaction where DDL is transactional (PostgreSQL, SQL Server): a racing node then sees all of the new
     * tables or none of them. Elsewhere each statement commits on its own and the wait for the winner covers the gap.
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

    /** Polls until the node that won a race has finished, for at most {@code wait}. */
    private static boolean waitedFor(BooleanSupplier done, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
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
}
