package dev.tether.store;

import java.sql.Connection;
import java.sql.SQLException;

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
            return work.run(new ConnectionStatements(connection, maxRows, timeoutSeconds));
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    @Override
    public OpenTransaction begin() {
        Connection connection = open();
        return BoundTransaction.begin(() -> connection.setAutoCommit(false),
                timeout -> new ConnectionStatements(connection, 0, timeout), connection::commit, () -> giveBack(connection));
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
}
