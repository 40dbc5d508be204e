package dev.tether.store;

import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import dev.tether.SessionConflictException;
import dev.tether.SessionStoreUnavailableException;

/**
 * The store on plain JDBC ({@code tether.store=jdbc}): the same statements as {@link JpaSessionStore}
 * ({@link SessionSql}), run directly on the data source's connections, without a JPA provider between them.
 * Reads run in auto-commit; every write is one transaction of its own.
 */
public final class JdbcSessionStore implements SessionStore {

    private final DataSource dataSource;
    private final StateColumns stateColumns;

    /** A store that reads every stored state, whatever its length. */
    public JdbcSessionStore(DataSource dataSource) {
        this(dataSource, StateColumns.unbounded());
    }

    /** A store that reads each stored state's bytes only when {@code stateColumns} lets it. */
    public JdbcSessionStore(DataSource dataSource, StateColumns stateColumns) {
        this.dataSource = dataSource;
        this.stateColumns = stateColumns;
    }

    @Override
    public Optional<StoredSession> load(String idHash, long now) {
        return read(runner -> SessionRows.toStoredSession(runner.rows(SessionSql.loadLive(stateColumns, idHash, now))));
    }

    @Override
    public Optional<StoredSession> loadByPk(String pk) {
        return read(runner -> SessionRows.toStoredSession(runner.rows(SessionSql.loadByPk(stateColumns, pk))));
    }

    @Override
    public Optional<SessionRow> find(String idHash, long now) {
        return read(runner -> runner.rows(SessionSql.findLive(idHash, now)).stream().findFirst()
                .map(SessionRows::toSessionRow));
    }

    @Override
    public List<SessionRow> findByPrincipal(String principal, long now) {
        return read(runner -> runner.rows(SessionSql.findByPrincipal(principal, now)).stream()
                .map(SessionRows::toSessionRow).toList());
    }

    @Override
    public long countLive(long now) {
        return read(runner -> ((Number) runner.rows(SessionSql.countLive(now)).get(0)[0]).longValue());
    }

    @Override
    public void save(SessionChanges changes) {
        write(runner -> {
            SessionWrites.apply(runner, changes);
            return null;
        });
    }

    @Override
    public void delete(String pk) {
        write(runner -> runner.update(SessionSql.deleteSession(pk)));
    }

    @Override
    public List<SessionRow> findExpired(long now, int limit) {
        return read(limit, runner -> runner.rows(SessionSql.findExpired(now)).stream()
                .map(SessionRows::toSessionRow).toList());
    }

    @Override
    public int deleteExpired(List<String> pks, long now) {
        return pks.isEmpty() ? 0 : write(runner -> runner.update(SessionSql.deleteExpired(pks, now)));
    }

    @Override
    public boolean acquireLease(String name, String holder, long now, long until) {
        return write(runner -> SessionWrites.takeLease(runner, name, holder, now, until));
    }

    /**
     * The row lock of {@code SELECT ... FOR UPDATE}, waited for at most {@code waitMillis} through the driver's
     * query timeout (whole seconds, at least one), which every driver enforces whatever the database's own lock
     * timeout is.
     */
    @Override
    public Optional<LockedSession> lockAndLoad(String idHash, long now, long waitMillis) {
        Connection connection = open();
        try {
            connection.setAutoCommit(false);
            Runner runner = new Runner(connection, 0);
            runner.queryTimeoutSeconds = (int) Math.max(1, (waitMillis + 999) / 1000);
            List<Object[]> session = runner.rows(SessionSql.findLiveForUpdate(idHash, now));
            if (session.isEmpty()) {
                rollbackAndClose(connection);
                return Optional.empty();
            }
            SessionRow row = SessionRows.toSessionRow(session.get(0));
            Map<String, StoredBean> beans = new HashMap<>();
            runner.rows(SessionSql.beansOf(stateColumns, row.pk())).stream().map(SessionRows::toStoredBean)
                    .forEach(bean -> beans.put(bean.key(), bean));
            runner.queryTimeoutSeconds = 0;
            return Optional.of(new JdbcLockedSession(connection, runner, new StoredSession(row, beans)));
        } catch (UncheckedSqlException e) {
            rollbackAndClose(connection);
            throw busyOrUnavailable(e.getCause());
        } catch (SQLException e) {
            rollbackAndClose(connection);
            throw busyOrUnavailable(e);
        } catch (RuntimeException e) {
            rollbackAndClose(connection);
            throw e;
        }
    }

    private static SessionStoreUnavailableException busyOrUnavailable(SQLException e) {
        return new SessionStoreUnavailableException("the session is busy with another request, or the store "
                + "cannot be reached: " + e.getMessage(), e);
    }

    /** The lock is the row lock of the open transaction; saving commits in it, closing rolls it back. */
    private static final class JdbcLockedSession implements LockedSession {

        private final Connection connection;
        private final Runner runner;
        private final StoredSession session;
        private boolean closed;

        JdbcLockedSession(Connection connection, Runner runner, StoredSession session) {
            this.connection = connection;
            this.runner = runner;
            this.session = session;
        }

        @Override
        public StoredSession session() {
            return session;
        }

        @Override
        public void save(SessionChanges changes) {
            try {
                SessionWrites.apply(runner, changes);
                connection.commit();
            } catch (UncheckedSqlException e) {
                throw failureOf(e.getCause());
            } catch (SQLException e) {
                throw failureOf(e);
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                rollbackAndClose(connection);
            }
        }
    }

    /** A statement failed: the caller's transaction is rolled back. */
    private static final class UncheckedSqlException extends RuntimeException {

        UncheckedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /** Prepared statements on one connection; a row limit for the purge, a query timeout for the lock. */
    private static final class Runner implements StatementRunner {

        private final Connection connection;
        private final int maxRows;
        private int queryTimeoutSeconds;

        Runner(Connection connection, int maxRows) {
            this.connection = connection;
            this.maxRows = maxRows;
        }

        @Override
        public int update(Sql sql) {
            try (PreparedStatement statement = prepare(sql)) {
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new UncheckedSqlException(e);
            }
        }

        @Override
        public List<Object[]> rows(Sql sql) {
            try (PreparedStatement statement = prepare(sql); ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        Object value = result.getObject(i + 1);
                        // a BLOB is read while its result set is open
                        row[i] = value instanceof Blob ? SessionRows.bytes(value) : value;
                    }
                    rows.add(row);
                }
                return rows;
            } catch (SQLException e) {
                throw new UncheckedSqlException(e);
            }
        }

        private PreparedStatement prepare(Sql sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql.jdbcText());
            if (maxRows > 0) {
                statement.setMaxRows(maxRows);
            }
            if (queryTimeoutSeconds > 0) {
                statement.setQueryTimeout(queryTimeoutSeconds);
            }
            List<Object> parameters = sql.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof byte[] bytes) {
                    statement.setBytes(i + 1, bytes);
                } else if (value instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else {
                    statement.setString(i + 1, value.toString());
                }
            }
            return statement;
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(Runner runner) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        return read(0, work);
    }

    /** Runs a query in auto-commit, reading at most {@code maxRows} rows (0: all). */
    private <T> T read(int maxRows, Work<T> work) {
        try (Connection connection = open()) {
            return work.apply(new Runner(connection, maxRows));
        } catch (UncheckedSqlException e) {
            throw unavailable(e.getCause());
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private <T> T write(Work<T> work) {
        Connection connection = open();
        try {
            connection.setAutoCommit(false);
            T result = work.apply(new Runner(connection, 0));
            connection.commit();
            return result;
        } catch (UncheckedSqlException e) {
            throw failureOf(e.getCause());
        } catch (SQLException e) {
            throw failureOf(e);
        } finally {
            rollbackAndClose(connection);
        }
    }

    private Connection open() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Rolls back what is not committed and gives the connection back in auto-commit, as the pool lent it. */
    private static void rollbackAndClose(Connection connection) {
        try (connection) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection is broken: the pool discards it
        }
    }

    private static RuntimeException failureOf(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23") || CommitConflicts.lostToAnother(e)
                ? new SessionConflictException("another request of this session stored the same bean first")
                : unavailable(e);
    }

    private static SessionStoreUnavailableException unavailable(SQLException e) {
        return new SessionStoreUnavailableException("the session store cannot be used: " + e.getMessage(), e);
    }
}
