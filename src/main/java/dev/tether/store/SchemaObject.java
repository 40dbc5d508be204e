package dev.tether.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing a creation script makes, checked on its own: a table, an index of a table, or a row a table must
 * hold (the purge's lease, the schema's version). Where DDL commits statement by statement (MariaDB, H2), a start
 * that stopped half-way leaves some of them made and others not; each is then found missing by itself.
 *
 * @param table the table the statement creates, indexes or fills, as written (qualified when it is)
 * @param name  the index's name, or the row's key as {@code column = value}; the table's own name for a table
 * @param sql   the statement that makes it
 */
record SchemaObject(Kind kind, String table, String name, String sql) {

    enum Kind { TABLE, INDEX, ROW }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern TABLE = Pattern.compile("^CREATE TABLE\\s+([\\w.]+)", FLAGS);
    private static final Pattern INDEX = Pattern.compile("^CREATE INDEX\\s+(\\w+)\\s+ON\\s+([\\w.]+)", FLAGS);
    /** A row is known by its first column, the table's primary key in every script. */
    private static final Pattern ROW = Pattern.compile(
            "^INSERT INTO\\s+([\\w.]+)\\s*\\(\\s*(\\w+)[^)]*\\)\\s*VALUES\\s*\\(\\s*('[^']*'|\\d+)", FLAGS);

    /** What a statement of a creation script makes; a statement of another kind is a mistake in the script. */
    static SchemaObject of(String sql) {
        Matcher table = TABLE.matcher(sql);
        if (table.find()) {
            return new SchemaObject(Kind.TABLE, table.group(1), table.group(1), sql);
        }
        Matcher index = INDEX.matcher(sql);
        if (index.find()) {
            return new SchemaObject(Kind.INDEX, index.group(2), index.group(1), sql);
        }
        Matcher row = ROW.matcher(sql);
        if (row.find()) {
            return new SchemaObject(Kind.ROW, row.group(1), row.group(2) + " = " + row.group(3), sql);
        }
        throw new IllegalStateException("not a table, index or row of a creation script: " + sql);
    }

    /** {@return what an operator reads in a message: "table x", "index y of table x", "row k = 'v' of table x"} */
    String description() {
        return switch (kind) {
            case TABLE -> "table " + table;
            case INDEX -> "index " + name + " of table " + table;
            case ROW -> "row " + name + " of table " + table;
        };
    }

    /** Whether it is there; a question the database cannot answer (a table of another shape) counts as no. */
    boolean existsIn(Connection connection, Dialect dialect) {
        try {
            return switch (kind) {
                case TABLE -> tableExists(connection, table);
                case INDEX -> indexExists(connection, dialect);
                case ROW -> answers(connection, "SELECT COUNT(*) FROM " + table + " WHERE " + name) > 0;
            };
        } catch (SQLException unanswered) {
            return false;
        }
    }

    static boolean tableExists(Connection connection, String table) {
        try {
            answers(connection, "SELECT COUNT(*) FROM " + table + " WHERE 1 = 0");
            return true;
        } catch (SQLException missing) {
            return false;
        }
    }

    private static long answers(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    /** Indexes have no query of their own: the driver's metadata lists a table's, in the table's schema. */
    private boolean indexExists(Connection connection, Dialect dialect) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        int dot = table.indexOf('.');
        String schema = dot < 0 ? null : table.substring(0, dot);
        String bareTable = table.substring(dot + 1);
        String catalog = null;
        if (dialect.schemasAreCatalogs()) {
            catalog = schema != null ? schema : connection.getCatalog();
            schema = null;
        } else if (schema == null) {
            schema = connection.getSchema();
        }
        try (ResultSet indexes = metaData.getIndexInfo(stored(metaData, catalog), stored(metaData, schema),
                stored(metaData, bareTable), false, true)) {
            while (indexes.next()) {
                if (name.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An unquoted identifier as the database stores it: folded to upper case (H2, Oracle) or lower (PostgreSQL). */
    private static String stored(DatabaseMetaData metaData, String identifier) throws SQLException {
        if (identifier == null) {
            return null;
        } else if (metaData.storesUpperCaseIdentifiers()) {
            return identifier.toUpperCase(Locale.ROOT);
        } else if (metaData.storesLowerCaseIdentifiers()) {
            return identifier.toLowerCase(Locale.ROOT);
        }
        return identifier;
    }
}
