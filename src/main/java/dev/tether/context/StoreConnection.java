package dev.tether.context;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.tether.SessionStoreUnavailableException;
import dev.tether.config.StoreKind;
import dev.tether.config.TableNames;
import dev.tether.spi.SessionStore;
import dev.tether.store.ProbeFailure;
import dev.tether.store.SessionStores;
import dev.tether.store.SqlSessionStore;

/**
 * Starts the store on first need and keeps it. When the database cannot be reached the attempt fails with
 * {@link SessionStoreUnavailableException}, and the next one is made after a backoff (1 s, doubling up to 30 s), so a
 * database that comes back later is picked up without a redeploy. One attempt runs at a time: while it runs, and
 * while the backoff lasts, every other caller fails at once instead of queueing behind the database's connect
 * timeout.
 */
final class StoreConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StoreConnection.class.getName());
    /** The reason a readiness check gives while the database answers but the store has not started yet. */
    static final String NOT_STARTED = "store not started";
    /** The reason a readiness check gives while the configured data source cannot be found or created. */
    static final String NO_DATA_SOURCE = "data source missing";

    private final Supplier<DataSource> dataSource;
    private final StartSettings settings;
    private final Clock clock;
    private final ReentrantLock attempt = new ReentrantLock();
    private final StartBackoff backoff = new StartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private volatile DataSource startedOn;
    private volatile SessionStore store;
    private volatile RuntimeException lastFailure;
    private boolean stackTraceLogged;

    /** How the store is started: the schema created or checked, the binding, and what the store must honour. */
    record StartSettings(boolean createSchema, StoreKind kind, int maxBeanBytes, boolean serializes,
                         int statementTimeoutSeconds, TableNames names) {
    }

    StoreConnection(Supplier<DataSource> dataSource, StartSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
    }

    /** A store the application brought itself (a {@code @SessionStorage SessionStore} bean): used as it is. */
    static StoreConnection of(SessionStore store) {
        StoreConnection connection = new StoreConnection(() -> {
            throw new IllegalStateException("an application's own store has no data source of Tether's");
        }, new StartSettings(false, StoreKind.JPA, Integer.MAX_VALUE, false, 0, TableNames.DEFAULT), Clock.systemUTC());
        connection.store = store;
        return connection;
    }

    SessionStore store() {
        SessionStore started = store;
        return started != null ? started : start();
    }

    private SessionStore start() {
        if (!attempt.tryLock()) {
            throw new SessionStoreUnavailableException("the session store is being started by another request", null);
        }
        try {
            if (store == null) {
                long now = clock.millis();
                if (!backoff.allowsAttemptAt(now)) {
                    throw new SessionStoreUnavailableException("the session store could not be started; the next "
                            + "attempt is in " + backoff.secondsLeftAt(now) + " s", lastFailure);
                }
                attemptStart(now);
            }
            return store;
        } finally {
            attempt.unlock();
        }
    }

    private void attemptStart(long now) {
        DataSource source = dataSource.get();
        try {
            store = SessionStores.start(source, settings.kind(), settings.createSchema(), settings.maxBeanBytes(),
                    settings.serializes(), settings.statementTimeoutSeconds(), settings.names());
            startedOn = source;
            if (backoff.failures() > 0) {
                LOG.info("Tether: the session store started (attempt " + (backoff.failures() + 1) + ")");
            }
            backoff.succeeded();
            lastFailure = null;
        } catch (SessionStoreUnavailableException e) {
            backoff.failedAt(now);
            lastFailure = e;
            logFailedAttempt(e);
            throw e;
        }
    }

    /** One line per attempt; the stack trace only with the first, since every later one is the same. */
    private void logFailedAttempt(SessionStoreUnavailableException e) {
        String line = "Tether: the session store cannot be started yet (attempt " + backoff.failures()
                + "; the next no sooner than in " + backoff.secondsLeftAt(clock.millis()) + " s): " + e.getMessage();
        if (stackTraceLogged) {
            LOG.warning(line);
        } else {
            stackTraceLogged = true;
            LOG.log(Level.WARNING, line, e);
        }
    }

    /**
     * Asks the database one cheap question on Tether's session table, never starting the store nor running DDL. An
     * application's own store has no data source of Tether's: started is all that can be said of it.
     *
     * @return why the store cannot serve now, or empty when it can
     */
    Optional<ProbeFailure> probe() {
        if (store != null) {
            DataSource source = startedOn;
            return source == null ? Optional.empty() : SessionStores.probe(source, settings.names());
        }
        DataSource source;
        try {
            source = dataSource.get();
        } catch (RuntimeException missing) {
            return Optional.of(new ProbeFailure(NO_DATA_SOURCE, missing));
        }
        RuntimeException why = lastFailure;
        return Optional.of(SessionStores.probe(source, settings.names()).orElseGet(() -> new ProbeFailure(NOT_STARTED,
                why != null ? why : new IllegalStateException("the session store has not been started yet"))));
    }

    @Override
    public void close() {
        attempt.lock();
        try {
            if (store instanceof SqlSessionStore own) {
                own.close();
            }
        } finally {
            attempt.unlock();
        }
    }
}
