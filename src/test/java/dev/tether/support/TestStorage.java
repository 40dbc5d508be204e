package dev.tether.support;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.tether.SessionStorage;
import dev.tether.support.db.TestDatabase;

/**
 * A fresh, empty database per container (in-memory H2 unless {@link TestDatabase#PROPERTY} names another),
 * counted by a {@link StatementCounter}, and a clock tests can move.
 */
@ApplicationScoped
public class TestStorage {

    private final StatementCounter counter = new StatementCounter();
    private final MutableClock clock = new MutableClock();
    private final DataSource database = TestDatabase.selected().newDatabase();

    private volatile boolean down;

    @Produces
    @SessionStorage
    @ApplicationScoped
    DataSource dataSource() {
        return counter.wrap(new OutageDataSource(database, () -> down));
    }

    /** Closes the database's connection pool, if it has one, when the container stops. */
    @PreDestroy
    void close() throws Exception {
        if (database instanceof AutoCloseable pool) {
            pool.close();
        }
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
        return database;
    }
}
