package dev.tether.store;

import java.sql.Connection;

import jakarta.persistence.EntityManager;

/**
 * {@code EntityManager.unwrap(Connection.class)}: EclipseLink (Payara 6) hands out the connection of the running
 * transaction this way, and {@code null} outside one; Hibernate 6 refuses it.
 */
final class UnwrappedConnection implements LentConnection {

    @Override
    public <T> T call(EntityManager em, Work<T> work) {
        Connection connection = StoreFailure.whenFails(() -> em.unwrap(Connection.class));
        return work.run(connection);
    }

    @Override
    public String describe() {
        return "EntityManager.unwrap(Connection)";
    }
}
