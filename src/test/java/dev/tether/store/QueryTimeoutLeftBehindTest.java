package dev.tether.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tether.config.StoreKind;
import dev.tether.spi.LockedSession;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionChanges.BeanWrite;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionStore;

/**
 * H2 keeps a statement's query timeout on its connection: the serialize lock's wait, the one timeout the store sets
 * there, must be gone when the pool lends the connection to the application, or the application's next statement on it
 * is cut short after the lock's few seconds. One pooled connection, so the application gets the store's.
 */
class QueryTimeoutLeftBehindTest {

    private static final long NOW = 1_000_000_000L;

    private JdbcConnectionPool pool;

    @BeforeEach
    void onePooledConnection() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:timeouts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        pool.setMaxConnections(1);
    }

    @AfterEach
    void closePool() {
        pool.dispose();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theSerializeLocksWaitLeavesNoTimeoutOnTheConnection(StoreKind kind) throws SQLException {
        SessionStore store = SessionStores.start(pool, kind, true, Integer.MAX_VALUE, true, 5);
        SessionRow row = new SessionRow("pk", "hash", NOW, NOW, NOW + 3_600_000, 3_600_000, NOW + 7_200_000,
                Optional.empty());
        store.save(SessionChanges.creating(row, List.of(new BeanWrite("counter", "java", new byte[8], 0, true))));

        try (LockedSession locked = store.lockAndLoad("hash", NOW, 3_000).orElseThrow()) {
            assertThat(locked.session().beans()).containsKey("counter");
        }

        assertThat(applicationsQueryTimeout()).isZero();
    }

    private int applicationsQueryTimeout() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            return statement.getQueryTimeout();
        }
    }
}
