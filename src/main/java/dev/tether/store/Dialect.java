package dev.tether.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * What differs per database in the statements Tether sends, and nothing else: the function that measures a stored
 * state, where a row lock is asked for, how many values one IN list may hold, and which errors mean "another writer
 * was first". Chosen once, from the product name the driver reports; its {@link #scriptName()} names the DDL scripts
 * under {@code META-INF/tether/ddl/}.
 */
public enum Dialect {

    /**
     * H2 applies a statement's query timeout to its whole connection (its session) with a command of its own, and
     * another to take it off again ({@link ConnectionStatements}): the store's ordinary statements carry none there,
     * to spare those two commands on every statement ({@link #statementTimeout}); only the serialize lock's wait does.
     */
    H2("h2", "OCTET_LENGTH") {
        @Override
        int statementTimeout(int seconds) {
            return 0;
        }
    },
    POSTGRESQL("postgresql", "OCTET_LENGTH"),
    /** MariaDB and MySQL; on a Galera cluster node it checks at start what Tether needs there ({@link GaleraCheck}). */
    MARIADB("mariadb", "OCTET_LENGTH") {
        @Override
        void checkAtStart(DataSource dataSource, boolean serializes) throws SQLException {
            GaleraCheck.verify(dataSource, serializes);
        }

        @Override
        boolean schemasAreCatalogs() {
            return true;
        }

        /**
         * InnoDB's default, REPEATABLE READ, locks the gaps beside the rows a transaction reads for update; a turn
         * held for a whole request then held back the INSERT of new sessions whose keys fell in those gaps
         * ({@code SerializeWaitTest}). READ COMMITTED locks the rows only; the turn needs nothing more.
         */
        @Override
        Optional<String> beforeLongLock() {
            return Optional.of("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
    },
    /** Oracle refuses an IN list of more than 1,000 values (ORA-01795). */
    ORACLE("oracle", "DBMS_LOB.GETLENGTH") {
        @Override
        int maxInList() {
            return 1000;
        }
    },
    /** SQL Server has no {@code FOR UPDATE}: a row lock is a table hint; a statement takes at most 2,100 parameters. */
    SQLSERVER("sqlserver", "DATALENGTH") {
        @Override
        String lockedTable(String tableAndAlias) {
            return tableAndAlias + " WITH (UPDLOCK, ROWLOCK)";
        }

        @Override
        String lockClause() {
            return "";
        }

        @Override
        int maxInList() {
            return 2000;
        }
    };

    /** What the other databases take in one IN list without complaint; the purge's batches are smaller anyway. */
    private static final int LARGE_IN_LIST = 10_000;

    private final String scriptName;
    private final String lengthFunction;

    Dialect(String scriptName, String lengthFunction) {
        this.scriptName = scriptName;
        this.lengthFunction = lengthFunction;
    }

    /** The dialect of a JDBC product name ({@code DatabaseMetaData.getDatabaseProductName()}). */
    public static Dialect of(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        } else if (name.contains("postgres")) {
            return POSTGRESQL;
        } else if (name.contains("mariadb") || name.contains("mysql")) {
            return MARIADB;
        } else if (name.contains("oracle")) {
            return ORACLE;
        } else if (name.contains("microsoft") || name.contains("sql server")) {
            return SQLSERVER;
        }
        throw new IllegalStateException("Tether has no DDL script for " + productName + "; create the tables "
                + "by hand from one of META-INF/tether/ddl/*.sql and set tether.schema.create=false");
    }

    /** The name of this database's scripts: {@code META-INF/tether/ddl/<name>.sql}. */
    public String scriptName() {
        return scriptName;
    }

    /** The length in bytes of a binary column. */
    String length(String column) {
        return lengthFunction + "(" + column + ")";
    }

    /** A table of a FROM clause whose rows a SELECT locks for update. */
    String lockedTable(String tableAndAlias) {
        return tableAndAlias;
    }

    /** What ends a SELECT that locks its rows for update. */
    String lockClause() {
        return " FOR UPDATE";
    }

    /**
     * The timeout the store's ordinary statements carry, for {@code tether.statement-timeout} of {@code seconds}; 0 where
     * a statement's timeout would outlive it.
     */
    int statementTimeout(int seconds) {
        return seconds;
    }

    /**
     * What a transaction that will hold a row lock for a whole request (the serialize policy's turn) runs first,
     * before any other statement, so that it holds nothing but that row; empty where the default does that already.
     */
    Optional<String> beforeLongLock() {
        return Optional.empty();
    }

    /**
     * Refuses, naming the fix, a database on which Tether's guarantees would not hold with these settings; asked once,
     * when the store starts. Nothing to check for most databases.
     *
     * @param serializes whether the default policy or a bean's is {@code serialize}
     * @throws IllegalStateException when the store must not start on this database
     */
    void checkAtStart(DataSource dataSource, boolean serializes) throws SQLException {
        // most databases keep every guarantee on a single server
    }

    /** Whether the driver's metadata names a schema (a MariaDB database) as its catalog. */
    boolean schemasAreCatalogs() {
        return false;
    }

    /** The most values one IN list holds; longer lists are sent in several statements. */
    int maxInList() {
        return LARGE_IN_LIST;
    }

    /** {@code values} cut, in order, into lists no longer than {@link #maxInList()}: one statement's IN list each. */
    <T> List<List<T>> inLists(List<T> values) {
        List<List<T>> lists = new ArrayList<>();
        for (int from = 0; from < values.size(); from += maxInList()) {
            lists.add(values.subList(from, Math.min(values.size(), from + maxInList())));
        }
        return lists;
    }

    /**
     * Whether a failed write means that another writer was first, so nothing of this one was stored and the request
     * may be answered with a conflict: a constraint violation (SQLState class 23: a bean or session row inserted
     * meanwhile), or a transaction the database rolled back to let another one win (40001: a serialization
     * failure, or a deadlock victim; Galera reports its certification failures so).
     */
    boolean isConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("40001"))) {
                return true;
            }
        }
        return false;
    }
}
