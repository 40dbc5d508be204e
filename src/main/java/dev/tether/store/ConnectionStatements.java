package dev.tether.store;

import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepared statements on one JDBC connection, lent by the pool ({@link JdbcBinding}) or by the JPA provider
 * ({@link JpaBinding}); a row limit for the purge, a query timeout for the lock.
 */
record ConnectionStatements(Connection connection, int maxRows, int timeoutSeconds) implements StatementRunner {

    @Override
    public int update(Sql sql) {
        return StoreFailure.whenFails(() -> {
            try (PreparedStatement statement = prepare(sql)) {
                try {
                    return statement.executeUpdate();
                } finally {
                    clearTimeout(statement);
                }
            }
        });
    }

    @Override
    public List<Object[]> rows(Sql sql) {
        try (PreparedStatement statement = prepare(sql)) {
            try (ResultSet result = statement.executeQuery()) {
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
            } finally {
                clearTimeout(statement);
            }
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    /**
     * Takes a statement's timeout off again before the connection goes back to its pool: H2 keeps it on the connection
     * (its session), where it would cut the application's own statements short; elsewhere it belongs to the statement
     * and this costs nothing.
     */
    private void clearTimeout(PreparedStatement statement) {
        if (timeoutSeconds > 0) {
            try {
                statement.setQueryTimeout(0);
            } catch (SQLException brokenConnection) {
                // the statement's own failure, if any, is the one to report; a connection that cannot take this
                // cannot run the application's statements either
            }
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
