package dev.tether.context;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tether.PersistentSessions;
import dev.tether.PurgeResult;
import dev.tether.SessionStatistics;
import dev.tether.SessionInfo;
import dev.tether.spi.SessionRow;

/** {@link PersistentSessions} over the store, with a unit of work of its own for each session it ends. */
@ApplicationScoped
class PersistentSessionsImpl implements PersistentSessions {

    private SessionUnits units;
    private SessionPurge purge;

    protected PersistentSessionsImpl() {
    }

    @Inject
    PersistentSessionsImpl(SessionUnits units, SessionPurge purge) {
        this.units = units;
        this.purge = purge;
    }

    @Override
    public <T> T runInSession(String id, Callable<T> work) throws Exception {
        UnitOfWorkHandle handle = units.open(id);
        T result;
        try {
            result = work.call();
        } catch (Exception | Error failure) {
            // the changes made before the failure are kept, as they are when a request's resource throws
            try {
                units.close(handle);
            } catch (RuntimeException writeFailure) {
                failure.addSuppressed(writeFailure);
            }
            throw failure;
        }
        units.close(handle);
        return result;
    }

    @Override
    public Optional<SessionInfo> find(String id) {
        if (!SessionIds.isWellFormed(id)) {
            return Optional.empty();
        }
        SessionRuntime runtime = units.runtime();
        return runtime.store().find(SessionIds.hash(id), runtime.now()).map(SessionEvents::infoOf);
    }

    @Override
    public List<SessionInfo> findByPrincipal(String principal) {
        SessionRuntime runtime = units.runtime();
        return runtime.store().findByPrincipal(principal, runtime.now()).stream().map(SessionEvents::infoOf).toList();
    }

    @Override
    public int invalidateAll(String principal) {
        SessionRuntime runtime = units.runtime();
        List<SessionRow> rows = runtime.store().findByPrincipal(principal, runtime.now());
        Optional<String> currentPk = units.current().flatMap(UnitOfWork::storedPk);
        for (SessionRow row : rows) {
            if (currentPk.filter(row.pk()::equals).isPresent()) {
                units.current().get().invalidate();
            } else {
                units.endStoredSession(row.pk());
            }
        }
        return rows.size();
    }


    @Override
    public PurgeResult purgeExpired() {
        return purge.purge();
    }

    @Override
    public SessionStatistics statistics() {
        return units.runtime().metrics().snapshot();
    }

    @Override
    public long count() {
        SessionRuntime runtime = units.runtime();
        return runtime.store().countLive(runtime.now());
    }
}
