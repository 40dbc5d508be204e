package dev.tether.context;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.enterprise.context.spi.CreationalContext;

import dev.tether.SessionEnded;
import dev.tether.spi.LockedSession;
import dev.tether.spi.SessionRow;
import dev.tether.spi.StoredBean;
import dev.tether.spi.StoredSession;

/**
 * One request's (or one explicit unit's) view of a persistent session, in the order things happen: load on first use
 * ({@link SessionLoader}), instances decoded or created ({@link InstanceBuilder}, held in {@link BeanInstances}), the
 * session's own data and rules ({@link SessionState}), one write of what changed ({@link WritePlan},
 * {@link SessionWriter}), then changes made too late ({@link LateChanges}). This class only sequences them.
 *
 * <p>A unit belongs to one request, which may hand work to a second thread: its in-memory state is guarded by one
 * lock that is never held across database I/O.
 */
final class UnitOfWork {

    private static final Logger LOG = Logger.getLogger(UnitOfWork.class.getName());

    private final SessionRuntime runtime;
    private final String presentedId;
    private final String storedPk;
    private final Supplier<String> caller;
    private final Object lock = new Object();
    private final Object loading = new Object();
    private final BeanInstances beans = new BeanInstances();
    private final InstanceBuilder instances;
    private final LateChanges lateChanges = new LateChanges();
    private final SessionWriter writer;

    private volatile boolean loaded;
    private StoredSession stored;
    private final SessionLockHolder sessionLock = new SessionLockHolder();
    private SessionState state;
    private boolean invalidated;
    private boolean closed;

    /**
     * @param presentedId a well-formed ID the client presented, or {@code null}
     * @param caller      the user the container authenticated by its own means, asked at load and before write-back;
     *                    {@code null} when nobody is (or when the session itself vouched for the caller)
     */
    UnitOfWork(SessionRuntime runtime, String presentedId, Supplier<String> caller) {
        this(runtime, presentedId, null, caller);
    }

    private UnitOfWork(SessionRuntime runtime, String presentedId, String storedPk, Supplier<String> caller) {
        this.runtime = runtime;
        this.presentedId = presentedId;
        this.storedPk = storedPk;
        this.caller = caller;
        this.instances = new InstanceBuilder(runtime, beans);
        this.writer = new SessionWriter(runtime);
    }

    /** A unit on a stored session found by its surrogate key, for ending sessions that are not the caller's. */
    static UnitOfWork ofStored(SessionRuntime runtime, String pk) {
        return new UnitOfWork(runtime, null, pk, () -> null);
    }

    @SuppressWarnings("unchecked")
    <T> T get(PersistentBean bean, CreationalContext<T> creationalContext) {
        ensureLoaded();
        synchronized (lock) {
            BeanInstances.Held held = instances.getOrCreate(bean, storedBean(bean.key()),
                    (CreationalContext<Object>) creationalContext, state::idForLog);
            if (held == null) {
                return null;
            }
            if (closed) {
                lateChanges.used(bean.key());
            }
            return (T) held.instance();
        }
    }

    void destroy(PersistentBean bean) {
        ensureLoaded();
        synchronized (lock) {
            instances.destroy(bean, storedBean(bean.key()));
        }
    }

    private StoredBean storedBean(String key) {
        return stored == null || beans.isDestroyed(key) ? null : stored.beans().get(key);
    }

    /** The instance a client proxy stands for, or the candidate itself when it is no proxy of this unit's. */
    Object instanceBehind(Object candidate) {
        synchronized (lock) {
            return beans.instanceBehind(candidate);
        }
    }

    /** Reads the session's own data (principal, times) as this unit sees it. */
    <T> T readState(Function<SessionState, T> read) {
        ensureLoaded();
        synchronized (lock) {
            return read.apply(state);
        }
    }

    /** Changes the session's own data; refused once the unit was written back, where the change would be lost. */
    <T> T changeState(String what, Function<SessionState, T> change) {
        ensureLoaded();
        synchronized (lock) {
            checkOpen(what);
            return change.apply(state);
        }
    }

    /** The session's ID; a new session gets one now, which must still reach the client. */
    String id() {
        return readState(current -> {
            if (current.idForLog() == null) {
                checkOpen("a new session's ID handed out");
            }
            return current.id();
        });
    }

    /** The surrogate key of the stored session, if this unit loaded one. */
    Optional<String> storedPk() {
        synchronized (lock) {
            return Optional.ofNullable(stored).map(session -> session.row().pk());
        }
    }

    /** The stored session's row as this unit loaded it (loading it now if it has not yet), if there is one. */
    Optional<SessionRow> storedRow() {
        ensureLoaded();
        synchronized (lock) {
            return Optional.ofNullable(stored).map(StoredSession::row);
        }
    }

    private void checkOpen(String what) {
        if (closed) {
            throw new IllegalStateException("Tether: " + what + " after the persistent session of this unit of work "
                    + "was written back would be lost; change the session before the response is sent");
        }
    }

    /** The application's {@code invalidate()}: a logout. */
    void invalidate() {
        invalidate(SessionEnded.Reason.INVALIDATED);
    }

    /**
     * Ends the session: destroys its beans (so {@code @PreDestroy} runs), deletes it and fires
     * {@code @Destroyed} and {@link SessionEnded} with {@code reason}. A later access in this unit starts a fresh
     * session.
     */
    void invalidate(SessionEnded.Reason reason) {
        ensureLoaded();
        SessionRow ended;
        synchronized (lock) {
            checkOpen("invalidate");
            instances.destroyAll(stored == null ? List.of() : stored.beans().values(), state::idForLog);
            ended = stored == null ? null : stored.row();
            invalidated = presentedId != null || stored != null || state.idForLog() != null;
            stored = null;
            state = SessionState.fresh(runtime.now(), runtime.settings());
        }
        if (ended != null) {
            // the lock of a serialize session is this unit's own transaction: release it before deleting the row
            sessionLock.release(runtime.writes());
            writer.end(ended, reason);
        }
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (loading) {
            if (loaded) {
                return;
            }
            boolean writtenBack;
            synchronized (lock) {
                writtenBack = closed;
            }
            SessionLoader.Loaded found = new SessionLoader(runtime).load(presentedId, storedPk, writtenBack);
            synchronized (lock) {
                sessionLock.hold(found.lock());
                stored = found.session();
                state = stored != null
                        ? SessionState.stored(stored.row(), presentedId, runtime.settings().rotateOnLogin())
                        : SessionState.fresh(runtime.now(), runtime.settings());
                followCaller();
            }
            loaded = true;
        }
    }

    /**
     * Lets the session follow the caller the container authenticated: never into a fresh session that replaced
     * an ID the client presented (that ID's session expired or was ended; its login must not live on), and never
     * after this unit ended its session.
     */
    private void followCaller() {
        if (!invalidated && (state.isStored() || presentedId == null)) {
            state.followCaller(caller);
        }
    }

    /**
     * Writes back what changed. Called once, at the end of the unit; the session can no longer be changed after.
     *
     * @throws dev.tether.SessionConflictException when another unit changed one of the same rows first
     * @throws dev.tether.SessionStoreUnavailableException when the store cannot be written
     */
    WriteBack writeBack() {
        return writeBack(true);
    }

    /**
     * @param clientCanBeTold whether the result can still reach the client; when not, a write that would hand out a
     *                        new ID (a new session, a rotation) is abandoned: the database would hold a session, or a
     *                        login, that no client can ever present
     */
    WriteBack writeBack(boolean clientCanBeTold) {
        try {
            WritePlan plan;
            LockedSession held;
            synchronized (lock) {
                closed = true;
                if (!loaded) {
                    return WriteBack.NOTHING;
                }
                followCaller();
                List<ChangeSet.Encoded> encoded = WritePlan.encode(runtime, beans);
                lateChanges.writtenBack(encoded);
                plan = WritePlan.of(runtime, encoded, beans.destroyedVersions(), stored, state, invalidated);
                if (!clientCanBeTold && plan.changes() != null && plan.result().idToSend().isPresent()) {
                    LOG.warning(() -> "Tether: the response was sent before the persistent session was written "
                            + "back, and the write would have handed out a new session ID that the client can no "
                            + "longer get: nothing of this request's session changes is stored (complete an "
                            + "asynchronous request through the AsyncContext of the request Tether hands the "
                            + "application, or change persistent beans before the response's first byte)");
                    return WriteBack.NOTHING;
                }
                held = plan.changes() == null ? null : sessionLock.take();
            }
            return writer.store(plan, held);
        } finally {
            abandon();
        }
    }

    /**
     * The keys of the beans the application changed after write-back: those changes are not stored. Asked once
     * the request is over; it cannot fail the request, whose response is already on its way.
     *
     * @param alreadyKnown beans reported before, not checked again (each check costs an encode)
     */
    List<String> changedAfterWriteBack(Predicate<String> alreadyKnown) {
        synchronized (lock) {
            return lateChanges.changed(beans, runtime.lifecycle(), alreadyKnown);
        }
    }

    /** Ends the unit without writing: releases the session's lock if this unit holds it. */
    void abandon() {
        synchronized (lock) {
            closed = true;
        }
        sessionLock.release(runtime.writes());
    }
}
