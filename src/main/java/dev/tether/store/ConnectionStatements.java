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
