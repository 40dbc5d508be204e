package dev.tether.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Optional;

import javax.sql.DataSource;

import dev.tether.SessionStoreUnavailableException;
import dev.tether.config.StoreKind;
import dev.tether.config.TableNames;

/**
 * Builds Tether's store on a data source: creates or checks the schema (which also tells the {@link Dialect}),
 * then binds the statements through JPA or plain JDBC. The context asks for a store here and never sees how it is
 * made.
 */
public final class SessionStores {

    /** The statement timeout of a store {@link #jdbc made for a tool}, the default of {@code tether.statement-timeout}. */
    public static final int TOOL_TIMEOUT_SECONDS = 5;

    private SessionStores() {
    }

    /**
     * {@link #start(DataSource, StoreKind, boolean, int, boolean, int, TableNames)} on the scripts' own table names,
     * each statement limited to {@code timeoutSeconds}.
     */
    public static SqlSessionStore start(DataSource dataSource, StoreKind kind, boolean createSchema, int maxBeanBytes,
                                        boolean serializes, int timeoutSeconds) {
        return start(dataSource, kind, createSchema, maxBeanBytes, serializes, timeoutSeconds, TableNames.DEFAULT);
    }

    /**
     * The store of a deployment, its schema created (or, with {@code createSchema} false, checked).
     *
     * @param maxBeanBytes the most one bean's stored state may take: a longer one is never read (its length is)
     * @param timeoutSeconds how long each of the store's statements may run ({@code tether.statement-timeout})
     * @param serializes   whether the default policy or a bean's is {@code serialize}, which not every database
     *                     can honour ({@link Dialect#checkAtStart})
     * @param names        the tables' names: {@code tether.table-prefix} and {@code tether.schema.name}
     * @throws SessionStoreUnavailableException when the database cannot be reached or its schema not made ready;
     *         the caller may try again later
     * @throws IllegalStateException when the schema is not Tether's, or the database cannot keep its guarantees
     */
    public static SqlSessionStore start(DataSource dataSource, StoreKind kind, boolean createSchema, int maxBeanBytes,
                                        boolean serializes, int timeoutSeconds, TableNames names) {
        Dialect dialect;
        try {
            dialect = createSchema ? SchemaInstaller.ensureSchema(dataSource, names)
                    : SchemaInstaller.checkSchema(dataSource, names);
            dialect.checkAtStart(dataSource, serializes);
        } catch (SQLException e) {
            throw new SessionStoreUnavailableException("the session store cannot be started: " + e.getMessage(), e);
        }
        InMemoryDatabaseWarning.warnIfInMemory(dataSource);
        StoreBinding binding;
        try {
            binding = kind == StoreKind.JPA ? JpaBinding.start(dataSource) : new JdbcBinding(dataSource);
        } catch (StoreFailure e) {
            throw new SessionStoreUnavailableException("the session store cannot be started: " + e.getMessage(),
                    e.getCause());
        }
        return new SqlSessionStore(binding, kind, dialect,
                new SessionSql(names, dialect, StateColumns.upTo(maxBeanBytes, dialect)), timeoutSeconds);
    }

    /**
     * A plain-JDBC store on a database whose schema is already there, reading every stored state whatever its
     * length, each statement limited to {@link #TOOL_TIMEOUT_SECONDS}: for tools and tests that use the store without
     * a deployment.
     */
    public static SqlSessionStore jdbc(DataSource dataSource) {
        return jdbc(dataSource, TableNames.DEFAULT);
    }

    /** {@link #jdbc(DataSource)} on the tables of {@code names}. */
    public static SqlSessionStore jdbc(DataSource dataSource, TableNames names) {
        Dialect dialect = dialectOf(dataSource);
        return new SqlSessionStore(new JdbcBinding(dataSource), StoreKind.JDBC, dialect,
                new SessionSql(names, dialect, StateColumns.unbounded()), TOOL_TIMEOUT_SECONDS);
    }

    /**
     * Asks the database one cheap question on Tether's session table, as a readiness check does. Runs no DDL and
     * changes nothing, whether the store started or not.
     *
     * @return why the database cannot serve Tether now, or empty when it answered
     */
    public static Optional<ProbeFailure> probe(DataSource dataSource, TableNames names) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            return Optional.of(new ProbeFailure(ProbeFailure.DATABASE_UNREACHABLE, e));
        }
        try (connection) {
            SchemaInstaller.probe(connection, names);
            return Optional.empty();
        } catch (SQLTimeoutException e) {
            return Optional.of(new ProbeFailure(ProbeFailure.DATABASE_NOT_ANSWERING, e));
        } catch (SQLException e) {
            // SQLSTATE class 08: the connection broke while the query ran
            boolean connectionLost = e.getSQLState() != null && e.getSQLState().startsWith("08");
            return Optional.of(new ProbeFailure(
                    connectionLost ? ProbeFailure.DATABASE_UNREACHABLE : ProbeFailure.SCHEMA_MISSING, e));
        }
    }

    private static Dialect dialectOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new SessionStoreUnavailableException("the session store cannot be used: " + e.getMessage(), e);
        }
    }
}
