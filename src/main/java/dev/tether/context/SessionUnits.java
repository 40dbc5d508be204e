package dev.tether.context;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import dev.tether.ConfigKeys;
import dev.tether.SessionEnded;
import dev.tether.SessionStoreUnavailableException;
import dev.tether.spi.BeanCodec;
import dev.tether.config.TetherSettings;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionStore;

/**
 * Opens and closes units of work; the one entry point of every boundary (HTTP filters, the interceptor,
 * {@code runInSession}). Opening costs nothing: the store is asked only when a persistent bean is used.
 */
@ApplicationScoped
public class SessionUnits {

    private static final Logger LOG = Logger.getLogger(SessionUnits.class.getName());

    private TetherExtension extension;
    private SessionRuntime runtime;
    private final Set<String> reportedLateChanges = ConcurrentHashMap.newKeySet();
    private final ReadinessIncidents incidents = new ReadinessIncidents();

    protected SessionUnits() {
    }

    @Inject
    SessionUnits(TetherExtension extension, BeanManager manager, IndependentWrites writes) {
        this.extension = extension;
        TetherSettings settings = extension.settings();
        StorageBeans own = new StorageBeans(extension, manager);
        Optional<SessionStore> ownStore = own.first(SessionStore.class);
        Clock clock = own.first(Clock.class).orElseGet(Clock::systemUTC);
        StoreConnection connection = ownStore.isPresent()
                ? StoreConnection.of(ownStore.get())
                : new StoreConnection(() -> dataSource(own, settings), new StoreConnection.StartSettings(
                        settings.createSchema(), settings.store(), settings.sizeLimits().maxBeanBytes(),
                        SessionRuntime.serializes(settings, extension.registry()), settings.statementTimeoutSeconds(), settings.tables()),
                        clock);
        BeanCodecs codecs = new BeanCodecs(settings.codec(), extension.registry(), settings.serializationAllow(),
                own.all(BeanCodec.class));
        this.runtime = new SessionRuntime(settings, extension.registry(), codecs, connection,
                new SessionEvents(manager), new OutsideTransactions(writes), manager, clock);
    }

    /**
     * Starts the store with the application. A data source name not bound yet is no failure here: Payara binds the
     * data sources an application defines ({@code web.xml}, {@code @DataSourceDefinition}) where start observers
     * cannot look them up, so the web module starts the store again ({@link #startStore}), and there a wrong
     * name fails the deployment.
     */
    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
        try {
            startStore();
        } catch (MissingDataSourceException notYet) {
            LOG.fine(() -> "Tether: " + notYet.getMessage() + "; trying again when the web module starts");
        }
    }

    /**
     * Starts the store now, unless it is started already. A database that cannot be reached is only logged:
     * requests that use persistent beans get 503 until it answers.
     *
     * @throws IllegalStateException when the data source {@code tether.datasource} names does not exist
     */
    public void startStore() {
        try {
            runtime.store();
        } catch (SessionStoreUnavailableException e) {
            // the attempt logged its failure itself, once; a second call within the backoff made none
            LOG.fine(() -> "Tether: the session store is not reachable at startup; requests that use persistent "
                    + "beans get 503 until it is (" + e.getMessage() + ")");
        }
    }

    /**
     * Whether the store can serve requests now: started (its schema created or checked), and the database answering
     * one cheap query on Tether's tables. For readiness checks: it never starts the store nor runs DDL, and it names
     * the problem only by a fixed reason, with the details logged once per outage under the incident it gives.
     *
     * @return why the store cannot serve now, or empty when it can
     */
    public Optional<StoreNotReady> storeReadiness() {
        return incidents.report(runtime.connection().probe());
    }

    /**
     * Starts a unit of work on this thread, hiding any unit already active until this one is closed.
     *
     * @param rawId the ID as the client sent it, or {@code null}; a malformed one counts as none
     */
    public UnitOfWorkHandle open(String rawId) {
        return open(rawId, () -> null);
    }

    /**
     * Starts a unit of work for a caller the boundary authenticated. When that caller differs from the
     * session's principal, the session takes it as its principal (and gets a new ID, with
     * {@code tether.rotate-on-login}).
     *
     * @param rawId  the ID as the client sent it, or {@code null}; a malformed one counts as none
     * @param caller the authenticated user's name, or {@code null} for an anonymous request; asked when the
     *               session is first used and again before it is written back, so a login during the request
     *               counts too
     */
    public UnitOfWorkHandle open(String rawId, Supplier<String> caller) {
        UnitOfWork unit = new UnitOfWork(runtime, SessionIds.isWellFormed(rawId) ? rawId : null, caller);
        UnitOfWork hidden = extension.activeUnits().bind(unit);
        return new UnitOfWorkHandle(unit, hidden);
    }

    /**
     * Writes the unit back and unbinds it from the thread, whatever happens.
     *
     * @throws dev.tether.SessionConflictException when a concurrent unit changed the same bean first
     * @throws SessionStoreUnavailableException when the store cannot be written
     */
    public WriteBack close(UnitOfWorkHandle handle) {
        try {
            return handle.unit().writeBack(true);
        } finally {
            extension.activeUnits().restore(handle.hidden());
        }
    }

    /**
     * Ends a session that is not the caller's: a unit of its own loads it, destroys its beans (so
     * {@code @PreDestroy} runs with the bean's injections in place), deletes it and fires {@code @Destroyed} and
     * {@link SessionEnded} with {@code reason}.
     */
    void endStoredSession(String pk, SessionEnded.Reason reason) {
        endStoredSession(pk, row -> true, reason);
    }

    /**
     * Ends a stored session that is not the caller's, as {@link #endStoredSession(String, SessionEnded.Reason)}
     * does, if its row passes {@code which}.
     *
     * @return whether a session was ended
     */
    boolean endStoredSession(String pk, Predicate<SessionRow> which, SessionEnded.Reason reason) {
        UnitOfWork unit = UnitOfWork.ofStored(runtime, pk);
        UnitOfWork hidden = extension.activeUnits().bind(unit);
        try {
            if (unit.storedRow().filter(which).isEmpty()) {
                return false;
            }
            unit.invalidate(reason);
            return true;
        } finally {
            unit.abandon();
            extension.activeUnits().restore(hidden);
        }
    }

    /** Unbinds the unit without writing anything: for a unit whose request failed before it could be used. */
    public void discard(UnitOfWorkHandle handle) {
        try {
            handle.unit().abandon();
        } finally {
            extension.activeUnits().restore(handle.hidden());
        }
    }

    /** Ends a {@link #detach detached} unit without writing anything. */
    public void abandonDetached(UnitOfWorkHandle handle) {
        handle.unit().abandon();
    }

    /**
     * Unbinds the unit from this thread but keeps it open, for a request that continues asynchronously; it
     * is written back later, from whichever thread completes the request, with {@link #closeDetached}.
     */
    public void detach(UnitOfWorkHandle handle) {
        extension.activeUnits().restore(handle.hidden());
    }

    /**
     * Binds a {@link #detach detached} unit to this thread, for the asynchronous dispatch that continues its request.
     * The returned handle is {@link #detach detached} when the dispatch leaves the thread.
     */
    public UnitOfWorkHandle attach(UnitOfWorkHandle handle) {
        return new UnitOfWorkHandle(handle.unit(), extension.activeUnits().bind(handle.unit()));
    }

    /** Writes back a unit that was {@link #detach detached} from its thread. */
    public WriteBack closeDetached(UnitOfWorkHandle handle) {
        return closeDetached(handle, true);
    }

    /**
     * Writes back a detached unit whose client may no longer be reachable (its response has gone out): then a write
     * that would hand out a new ID is abandoned and logged, since the client would never get the ID; other changes
     * are written.
     *
     * @param clientCanBeTold whether what the write-back returns can still reach the client
     */
    public WriteBack closeDetached(UnitOfWorkHandle handle, boolean clientCanBeTold) {
        return handle.unit().writeBack(clientCanBeTold);
    }

    /**
     * The persistent beans a written-back unit's application changed afterwards, which were not stored: each bean
     * once per deployment, so a page that does it on every request is reported once and not checked again.
     */
    public List<String> changedAfterWriteBack(UnitOfWorkHandle handle) {
        List<String> changed = handle.unit().changedAfterWriteBack(reportedLateChanges::contains);
        return changed.stream().filter(reportedLateChanges::add).toList();
    }

    /**
     * The bean instance behind a client proxy of a persistent bean of this unit, or {@code entity} itself:
     * an entity that is serialized after the unit closed must not go through the proxy.
     */
    public Object unproxied(UnitOfWorkHandle handle, Object entity) {
        return handle.unit().instanceBehind(entity);
    }

    public TetherSettings settings() {
        return runtime.settings();
    }

    public boolean isActive() {
        return extension.activeUnits().current().isPresent();
    }

    Optional<UnitOfWork> current() {
        return extension.activeUnits().current();
    }

    SessionRuntime runtime() {
        return runtime;
    }

    @PreDestroy
    void stop() {
        runtime.connection().close();
    }

    /**
     * The application's {@code @SessionStorage DataSource}, or the one {@code tether.datasource} names. A producer
     * that cannot run yet (Payara runs the application's start observers before its resource injection works)
     * makes the store unavailable for now, not the deployment fail: the next use tries again.
     */
    private static DataSource dataSource(StorageBeans own, TetherSettings settings) {
        Optional<DataSource> produced;
        try {
            produced = own.first(DataSource.class);
        } catch (RuntimeException notYet) {
            throw new SessionStoreUnavailableException("the application's @SessionStorage DataSource cannot be "
                    + "created yet: " + notYet, notYet);
        }
        return produced.orElseGet(() -> lookUp(settings.dataSource()));
    }

    private static DataSource lookUp(String jndiName) {
        try {
            return (DataSource) new InitialContext().lookup(jndiName);
        } catch (NamingException | ClassCastException e) {
            throw new MissingDataSourceException("Tether cannot find the data source '" + jndiName + "' (" + e
                    + "). Fix: set " + ConfigKeys.DATASOURCE + " to the JNDI name of a data source defined in the "
                    + "server or the application, or produce a @SessionStorage DataSource.", e);
        }
    }

    /** No data source under the configured name, or not yet where it is looked up. */
    static final class MissingDataSourceException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        MissingDataSourceException(String message, Exception cause) {
            super(message, cause);
        }
    }
}
