package dev.tether.store;

import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The statements on the data source's own connections ({@code tether.store=jdbc}), with no JPA provider between:
 * reads in auto-commit, each write one transaction of its own, every statement prepared with JDBC's {@code ?}.
 */
final class JdbcBinding implements StoreBinding {

    private final DataSource dataSource;

    JdbcBinding(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T read(int maxRows, int timeoutSeconds, Work<T> work) {
        try (Connection connection = open()) {
            return work.run(new Runner(connection, maxRows, timeoutSeconds));
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    @Override
    public OpenTransaction begin() {
        Connection connection = open();
        return BoundTransaction.begin(() -> connection.setAutoCommit(false),
                timeout -> new Runner(connection, 0, timeout), connection::commit, () -> giveBack(connection));
    }

    /** Rolls back what is not committed and gives the connection back in auto-commit, as the pool lent it. */
    private static void giveBack(Connection connection) throws SQLException {
        try (connection) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @Override
    public void close() {
        // the data source is the server's
    }

    private Connection open() {
        return StoreFailure.whenFails(dataSource::getConnection);
    }

    /** Prepared statements on one connection; a row limit for the purge, a query timeout for the lock. */
    private record Runner(Connection connection, int maxRows, int timeoutSeconds) implements StatementRunner {

        @Override
        public int update(Sql sql) {
            return StoreFailure.whenFails(() -> {
                try (PreparedStatement statement = prepare(sql)) {
                    return statement.executeUpdate();
                }
            });
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
                throw new StoreFailure(e);
            }
        }

        private PreparedStatement prepare(Sql sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql.jdbcText());
            if (maxRows > 0) {
                statement.setMaxRows(maxRows);
            }
            if (timeoutSeconds > 0) {
                statement.setQueryTimeout(timeoutSeconds);
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
}
