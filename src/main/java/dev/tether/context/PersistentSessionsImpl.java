package dev.tether.context;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tether.PersistentSessions;
import dev.tether.PurgeResult;
import dev.tether.SessionDetails;
import dev.tether.SessionEnded;
import dev.tether.SessionStatistics;
import dev.tether.SessionInfo;
import dev.tether.SessionSummary;
import dev.tether.spi.SessionFootprint;
import dev.tether.spi.SessionRow;
import dev.tether.spi.StoredSession;

/** {@link PersistentSessions} over the store, with a unit of work of its own for each session it ends. */
@ApplicationScoped
class PersistentSessionsImpl implements PersistentSessions {

    /** A handle is a session row's surrogate key, a UUID: a longer text names no session. */
    private static final int MAX_HANDLE_LENGTH = 36;

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
    public List<SessionSummary> findSummariesByPrincipal(String principal) {
        SessionRuntime runtime = units.runtime();
        Optional<String> currentPk = currentRow().map(SessionRow::pk);
        return runtime.store().findFootprintsByPrincipal(principal, runtime.now()).stream()
                .map(found -> summaryOf(found, currentPk))
                .toList();
    }

    @Override
    public List<SessionSummary> findSummaries(String afterHandle, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        SessionRuntime runtime = units.runtime();
        Optional<String> currentPk = currentRow().map(SessionRow::pk);
        return runtime.store().findFootprints(runtime.now(), afterHandle, limit).stream()
                .map(found -> summaryOf(found, currentPk))
                .toList();
    }

    @Override
    public Optional<SessionDetails> findByHandle(String handle) {
        if (handle == null || handle.length() > MAX_HANDLE_LENGTH) {
            return Optional.empty();
        }
        SessionRuntime runtime = units.runtime();
        long now = runtime.now();
        return runtime.store().loadByPk(handle).filter(found -> found.row().expiresAt() > now)
                .map(found -> new SessionDetails(SessionEvents.infoOf(found.row()), beanBytes(found)));
    }

    /** Each bean's key with its size: never its bytes. */
    private static SortedMap<String, Long> beanBytes(StoredSession session) {
        SortedMap<String, Long> sizes = new TreeMap<>();
        session.beans().values().forEach(bean -> sizes.put(bean.key(), bean.size()));
        return Collections.unmodifiableSortedMap(sizes);
    }

    private static SessionSummary summaryOf(SessionFootprint found, Optional<String> currentPk) {
        return new SessionSummary(SessionEvents.infoOf(found.row()), found.beanCount(), found.storedBytes(),
                currentPk.filter(found.row().pk()::equals).isPresent());
    }

    @Override
    public boolean invalidateByHandle(String handle) {
        return invalidateByHandle(handle, row -> true);
    }

    @Override
    public boolean invalidateByHandle(String handle, String principal) {
        return principal != null && invalidateByHandle(handle, row -> row.principal().filter(principal::equals)
                .isPresent());
    }

    /** The caller's own session through its unit (so its response expires the cookie), any other one by its key. */
    private boolean invalidateByHandle(String handle, Predicate<SessionRow> which) {
        if (handle == null || handle.length() > MAX_HANDLE_LENGTH) {
            return false;
        }
        long now = units.runtime().now();
        Predicate<SessionRow> live = row -> row.expiresAt() > now;
        Optional<SessionRow> current = currentRow().filter(row -> row.pk().equals(handle));
        if (current.isPresent()) {
            if (!live.and(which).test(current.get())) {
                return false;
            }
            units.current().orElseThrow().invalidate(SessionEnded.Reason.OPERATOR);
            return true;
        }
        return units.endStoredSession(handle, live.and(which), SessionEnded.Reason.OPERATOR);
    }

    private Optional<SessionRow> currentRow() {
        return units.current().flatMap(UnitOfWork::storedRow);
    }

    @Override
    public int invalidateAll(String principal) {
        SessionRuntime runtime = units.runtime();
        List<SessionRow> rows = runtime.store().findByPrincipal(principal, runtime.now());
        Optional<String> currentPk = units.current().flatMap(UnitOfWork::storedPk);
        for (SessionRow row : rows) {
            if (currentPk.filter(row.pk()::equals).isPresent()) {
                units.current().get().invalidate(SessionEnded.Reason.EVERYWHERE);
            } else {
                units.endStoredSession(row.pk(), SessionEnded.Reason.EVERYWHERE);
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
