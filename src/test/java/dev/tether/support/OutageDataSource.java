package dev.tether.support;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

import javax.sql.DataSource;

/** A data source that refuses connections while an outage is on, as a database that went away does. */
final class OutageDataSource implements DataSource {

    private final DataSource target;
    private final BooleanSupplier down;

    OutageDataSource(DataSource target, BooleanSupplier down) {
        this.target = target;
        this.down = down;
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseIfDown();
        return target.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        refuseIfDown();
        return target.getConnection(user, password);
    }

    private void refuseIfDown() throws SQLException {
        if (down.getAsBoolean()) {
            throw new SQLException("Connection refused (simulated outage)", "08001");
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }
}
