package dev.tether.context;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.tether.SessionStoreUnavailableException;
import dev.tether.config.StoreKind;
import dev.tether.config.TableNames;
import dev.tether.spi.SessionStore;
import dev.tether.store.SessionStores;
import dev.tether.store.SqlSessionStore;

/**
 * Starts the store on first need and keeps it. When the database cannot be reached the attempt fails with
 * {@link SessionStoreUnavailableException} and the next use tries again, so a database that comes back
 * later is picked up without a redeploy.
 */
final class StoreConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StoreConnection.class.getName());

    private final Supplier<DataSource> dataSource;
    private final boolean createSchema;
    private final StoreKind kind;
    private final int maxBeanBytes;
    private final boolean serializes;
    private final TableNames names;
    private volatile DataSource startedOn;
    private volatile SessionStore store;

    StoreConnection(Supplier<DataSource> dataSource, boolean createSchema, StoreKind kind, int maxBeanBytes,
                    boolean serializes, TableNames names) {
        this.dataSource = dataSource;
        this.names = names;
        this.serializes = serializes;
        this.createSchema = createSchema;
        this.kind = kind;
        this.maxBeanBytes = maxBeanBytes;
    }

    /** A store the application brought itself (a {@code @SessionStorage SessionStore} bean): used as it is. */
    static StoreConnection of(SessionStore store) {
        StoreConnection connection = new StoreConnection(() -> {
            throw new IllegalStateException("an application's own store has no data source of Tether's");
        }, false, StoreKind.JPA, Integer.MAX_VALUE, false, TableNames.DEFAULT);
        connection.store = store;
        return connection;
    }

    SessionStore store() {
        SessionStore started = store;
        return started != null ? started : start();
    }

    private synchronized SessionStore start() {
        if (store == null) {
            DataSource source = dataSource.get();
            SqlSessionStore started;
            try {
                started = SessionStores.start(source, kind, createSchema, maxBeanBytes, serializes, names);
            } catch (SessionStoreUnavailableException e) {
                LOG.log(Level.WARNING, "Tether: the session store cannot be started yet: " + e.getMessage(), e);
                throw e;
            }
            startedOn = source;
            store = started;
        }
        return store;
    }

    /**
     * Starts the store if it is not yet, then asks the database one cheap question on Tether's session table. An
     * application's own store has no data source of Tether's: started is all that can be said of it.
     *
     * @throws SessionStoreUnavailableException when the store cannot start or the database does not answer
     */
    void probe() {
        store();
        DataSource source = startedOn;
        if (source != null) {
            SessionStores.probe(source, names);
        }
    }

    @Override
    public synchronized void close() {
        if (store instanceof SqlSessionStore own) {
            own.close();
        }
    }
}
