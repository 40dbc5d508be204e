package dev.tether.store;

import java.sql.Connection;
import java.sql.SQLException;

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

    private SessionStores() {
    }

    /** {@link #start(DataSource, StoreKind, boolean, int, boolean, TableNames)} on the scripts' own table names. */
    public static SqlSessionStore start(DataSource dataSource, StoreKind kind, boolean createSchema, int maxBeanBytes,
                                        boolean serializes) {
        return start(dataSource, kind, createSchema, maxBeanBytes, serializes, TableNames.DEFAULT);
    }

    /**
     * The store of a deployment, its schema created (or, with {@code createSchema} false, checked).
     *
     * @param maxBeanBytes the most one bean's stored state may take: a longer one is never read (its length is)
     * @param serializes   whether the default policy or a bean's is {@code serialize}, which not every database
     *                     can honour ({@link Dialect#checkAtStart})
     * @param names        the tables' names: {@code tether.table-prefix} and {@code tether.schema.name}
     * @throws SessionStoreUnavailableException when the database cannot be reached or its schema not made ready;
     *         the caller may try again later
     * @throws IllegalStateException when the schema is not Tether's, or the database cannot keep its guarantees
     */
    public static SqlSessionStore start(DataSource dataSource, StoreKind kind, boolean createSchema, int maxBeanBytes,
                                        boolean serializes, TableNames names) {
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
                new SessionSql(names, dialect, StateColumns.upTo(maxBeanBytes, dialect)));
    }

    /**
     * A plain-JDBC store on a database whose schema is already there, reading every stored state whatever its
     * length: for tools and tests that use the store without a deployment.
     */
    public static SqlSessionStore jdbc(DataSource dataSource) {
        return jdbc(dataSource, TableNames.DEFAULT);
    }

    /** {@link #jdbc(DataSource)} on the tables of {@code names}. */
    public static SqlSessionStore jdbc(DataSource dataSource, TableNames names) {
        Dialect dialect = dialectOf(dataSource);
        return new SqlSessionStore(new JdbcBinding(dataSource), StoreKind.JDBC, dialect,
                new SessionSql(names, dialect, StateColumns.unbounded()));
    }

    /**
     * Asks the database one cheap question on Tether's session table, as a readiness check does.
     *
     * @throws SessionStoreUnavailableException when the database or the table does not answer
     */
    public static void probe(DataSource dataSource, TableNames names) {
        try {
            SchemaInstaller.probe(dataSource, names);
        } catch (SQLException e) {
            throw new SessionStoreUnavailableException("the session store does not answer: " + e.getMessage(), e);
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
