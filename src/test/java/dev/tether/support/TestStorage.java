package dev.tether.support;

import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.h2.jdbcx.JdbcDataSource;

import dev.tether.SessionStorage;

/**
 * A fresh in-memory H2 database per container, counted by a {@link StatementCounter}, and a clock tests can
 * move.
 */
@ApplicationScoped
public class TestStorage {

    private final StatementCounter counter = new StatementCounter();
    private final MutableClock clock = new MutableClock();
    private final JdbcDataSource h2 = new JdbcDataSource();

    public TestStorage() {
        h2.setURL("jdbc:h2:mem:tether-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private volatile boolean down;

    @Produces
    @SessionStorage
    @ApplicationScoped
    DataSource dataSource() {
        return counter.wrap(new OutageDataSource(h2, () -> down));
    }

    /** Makes every new connection fail, as an unreachable database does, until {@code false} is passed. */
    public void databaseDown(boolean down) {
        this.down = down;
    }

    @Produces
    @SessionStorage
    Clock clock() {
        return clock;
    }

    public StatementCounter statements() {
        return counter;
    }

    public MutableClock clockControl() {
        return clock;
    }

    /** The database without counting, for tests that look at or tamper with rows directly. */
    public DataSource uncounted() {
        return h2;
    }
}
