package dev.tether.context;

import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;

import dev.tether.SessionStoreUnavailableException;
import dev.tether.config.StoreKind;
import dev.tether.store.GaleraCheck;
import dev.tether.store.JdbcSessionStore;
import dev.tether.store.JpaSessionStore;
import dev.tether.store.SchemaInstaller;
import dev.tether.store.SessionStore;
import dev.tether.store.StateColumns;
import dev.tether.store.TetherPersistenceUnit;

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
    private EntityManagerFactory emf;
    private volatile DataSource startedOn;
    private volatile SessionStore store;

    StoreConnection(Supplier<DataSource> dataSource, boolean createSchema, StoreKind kind, int maxBeanBytes,
                    boolean serializes) {
        this.dataSource = dataSource;
        this.serializes = serializes;
        this.createSchema = createSchema;
        this.kind = kind;
        this.maxBeanBytes = maxBeanBytes;
    }

    /** A store the application brought itself (a {@code @SessionStorage SessionStore} bean): used as it is. */
    static StoreConnection of(SessionStore store) {
        StoreConnection connection = new StoreConnection(() -> {
            throw new IllegalStateException("an application's own store has no data source of Tether's");
        }, false, StoreKind.JPA, Integer.MAX_VALUE, false);
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
            StateColumns stateColumns;
            try {
                // the schema's check already asked the database what it is: its answer picks the length function
                String dialect = createSchema ? SchemaInstaller.ensureSchema(source)
                        : SchemaInstaller.checkSchema(source);
                GaleraCheck.verify(source, dialect, serializes);
                stateColumns = StateColumns.upTo(maxBeanBytes, dialect);
                if (kind == StoreKind.JPA) {
                    emf = TetherPersistenceUnit.start(source);
                }
            } catch (SQLException | PersistenceException e) {
                LOG.log(Level.WARNING, "Tether: the session store cannot be started yet: " + e.getMessage(), e);
                throw new SessionStoreUnavailableException("the session store cannot be started: " + e.getMessage(), e);
            }
            startedOn = source;
            store = kind == StoreKind.JPA ? new JpaSessionStore(emf, stateColumns)
                    : new JdbcSessionStore(source, stateColumns);
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
            try {
                SchemaInstaller.probe(source);
            } catch (SQLException e) {
                throw new SessionStoreUnavailableException("the session store does not answer: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (emf != null && emf.isOpen()) {
            emf.close();
        }
    }
}
