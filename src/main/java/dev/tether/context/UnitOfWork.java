package dev.tether.context;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.spi.CreationalContext;

import dev.tether.ConcurrencyPolicy;
import dev.tether.spi.BeanCodec;
import dev.tether.spi.UnreadableStateException;
import dev.tether.spi.LockedSession;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionChanges.BeanWrite;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionUpdate;
import dev.tether.spi.StoredBean;
import dev.tether.spi.StoredSession;

/**
 * One request's (or one explicit unit's) view of a persistent session: loaded on first use, each bean kept as its
 * own copy beside its encoding as loaded, and written back at the end: only what changed, in one transaction,
 * each row conditional on what this unit read. The parts: {@link SessionState} (ID, principal, timeouts and their
 * rules), {@link BeanInstances} (the instances), {@link BeanLifecycle} (the container and the codecs),
 * {@link ChangeSet} (what to write). This class only sequences them.
 *
 * <p>A unit belongs to one request, which may hand work to a second thread: its in-memory state is guarded by
 * one lock that is never held across database I/O.
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

    /** Beans the application reached after write-back, and each bean's encoding as write-back saw it. */
    private final Set<String> usedAfterWriteBack = new HashSet<>();
    private Map<String, byte[]> encodedAtWriteBack = Map.of();

    private volatile boolean loaded;
    private StoredSession stored;
    private LockedSession sessionLock;
    private SessionState state;
    private boolean invalidated;
    private boolean closed;
    /** The stored bytes of the beans this unit decoded: together at most {@code tether.max-session-bytes}. */
    private long decodedBytes;

    /**
     * @param presentedId a well-formed ID the client presented, or {@code null}
     * @param caller      the name of the user the container authenticated by its own means, asked when the
     *                    session is loaded and again before it is written back; {@code null} when nobody is
     *                    (or when the session itself vouched for the caller)
     */
    UnitOfWork(SessionRuntime runtime, String presentedId, Supplier<String> caller) {
        this(runtime, presentedId, null, caller);
    }

    private UnitOfWork(SessionRuntime runtime, String presentedId, String storedPk, Supplier<String> caller) {
        this.runtime = runtime;
        this.presentedId = presentedId;
        this.storedPk = storedPk;
        this.caller = caller;
    }

    /** A unit on a stored session found by its surrogate key, for ending sessions that are not the caller's. */
    static UnitOfWork ofStored(SessionRuntime runtime, String pk) {
        return new UnitOfWork(runtime, null, pk, () -> null);
    }

    // ---- the context's view

    @SuppressWarnings("unchecked")
    <T> T get(PersistentBean bean, CreationalContext<T> creationalContext) {
        ensureLoaded();
        synchronized (lock) {
            BeanInstances.Held held = beans.get(bean.key());
            if (held == null) {
                held = restore(bean);
            }
            if (held == null) {
                if (creationalContext == null) {
                    return null;
                }
                held = create(bean, (CreationalContext<Object>) creationalContext);
            }
            if (closed) {
                usedAfterWriteBack.add(bean.key());
            }
            return (T) held.instance();
        }
    }

    void destroy(PersistentBean bean) {
        ensureLoaded();
        synchronized (lock) {
            StoredBean row = storedBean(bean.key());
            BeanInstances.Held held = beans.remove(bean.key());
            if (held != null) {
                runtime.lifecycle().destroy(bean, held.instance(), held.creationalContext());
            }
            if (held != null && held.hasRow()) {
                beans.markDestroyed(bean.key(), held.version());
            } else if (row != null) {
                beans.markDestroyed(bean.key(), row.version());
            }
        }
    }

    /** The stored state decoded into an instance the container built, or {@code null} if there is none to read. */
    private BeanInstances.Held restore(PersistentBean bean) {
        StoredBean row = storedBean(bean.key());
        if (row == null || beans.isUnreadable(bean.key())) {
            return null;
        }
        Optional<BeanCodec> codec = runtime.codecs().readerFor(bean, row.codec());
        String unreadable = runtime.sizes().whyUnreadable(row, decodedBytes)
                .orElse(codec.isEmpty() ? "it was written by codec '" + row.codec() + "', the bean is read only by its "
                        + "own, '" + runtime.codecs().writerFor(bean).name() + "'" : null);
        if (unreadable == null) {
            CreationalContext<Object> creationalContext = runtime.lifecycle().newCreationalContext(bean);
            try {
                Object instance = runtime.lifecycle().restore(bean, codec.get(), row.state(), creationalContext);
                // the baseline of the dirty check is the bean's encoding as loaded, not the stored bytes: a bean
                // whose encoding is not the same after every load (a HashSet of identity-hashed objects) is
                // unchanged as long as it encodes as it did right after it was read
                byte[] asLoaded = runtime.lifecycle().encode(bean, instance);
                BeanInstances.Held held = new BeanInstances.Held(bean, instance, creationalContext, asLoaded,
                        row.version(), true);
                beans.put(held);
                decodedBytes += row.size();
                runtime.metrics().beanDecoded();
                return held;
            } catch (UnreadableStateException e) {
                creationalContext.release();
                unreadable = e.getMessage();
            }
        }
        warnUnreadable(bean, unreadable);
        runtime.metrics().beanStartedFresh();
        // the container asks twice (without, then with a creational context): warn and decode once
        beans.markUnreadable(bean.key());
        return null;
    }

    private BeanInstances.Held create(PersistentBean bean, CreationalContext<Object> creationalContext) {
        Object instance = runtime.lifecycle().create(bean, creationalContext);
        StoredBean row = storedBean(bean.key());
        Long destroyedVersion = beans.takeDestroyed(bean.key());
        boolean hasRow = row != null || destroyedVersion != null;
        long version = destroyedVersion != null ? destroyedVersion : row != null ? row.version() : 0;
        // a bean that replaces stored or destroyed state is always written; a brand new one only once it changes
        byte[] asLoaded = hasRow ? null : runtime.lifecycle().encode(bean, instance);
        BeanInstances.Held held = new BeanInstances.Held(bean, instance, creationalContext, asLoaded, version, hasRow);
        beans.put(held);
        return held;
    }

    private void warnUnreadable(PersistentBean bean, String reason) {
        LOG.warning(() -> "Tether: the stored state of " + bean.key() + " in session "
                + SessionIds.forLog(state.idForLog()) + " cannot be read (" + reason + "); the bean starts fresh");
    }

    private StoredBean storedBean(String key) {
        if (stored == null || beans.isDestroyed(key)) {
            return null;
        }
        return stored.beans().get(key);
    }

    /** The instance a client proxy stands for: the proxy's class extends the bean's class. */
    Object instanceBehind(Object candidate) {
        if (candidate == null) {
            return null;
        }
        synchronized (lock) {
            for (BeanInstances.Held held : beans.all()) {
                if (held.bean().stateType().isInstance(candidate)
                        && candidate.getClass() != held.instance().getClass()) {
                    return held.instance();
                }
            }
        }
        return candidate;
    }

    // ---- the PersistentSession view

    String id() {
        ensureLoaded();
        synchronized (lock) {
            if (state.idForLog() == null) {
                checkOpen("a new session's ID handed out");
            }
            return state.id();
        }
    }

    boolean isNew() {
        ensureLoaded();
        synchronized (lock) {
            return !state.isStored();
        }
    }

    Instant createdAt() {
        ensureLoaded();
        synchronized (lock) {
            return state.createdAt();
        }
    }

    Instant lastAccessedAt() {
        ensureLoaded();
        synchronized (lock) {
            return state.lastAccessedAt();
        }
    }

    Instant expiresAt() {
        ensureLoaded();
        synchronized (lock) {
            return state.expiresAt(runtime.now());
        }
    }

    Optional<String> principal() {
        ensureLoaded();
        synchronized (lock) {
            return state.principal();
        }
    }

    void setPrincipal(String principal) {
        ensureLoaded();
        synchronized (lock) {
            checkOpen("setPrincipal");
            state.setPrincipal(principal);
        }
    }

    void setIdleTimeout(Duration timeout) {
        ensureLoaded();
        synchronized (lock) {
            checkOpen("setIdleTimeout");
            state.setIdleTimeout(timeout);
        }
    }

    void setAbsoluteTimeout(Duration timeout) {
        ensureLoaded();
        synchronized (lock) {
            checkOpen("setAbsoluteTimeout");
            state.setAbsoluteTimeout(timeout);
        }
    }

    String rotateId() {
        ensureLoaded();
        synchronized (lock) {
            checkOpen("rotateId");
            return state.rotateId();
        }
    }

    /** The surrogate key of the stored session, if this unit loaded one. */
    Optional<String> storedPk() {
        synchronized (lock) {
            return stored == null ? Optional.empty() : Optional.of(stored.row().pk());
        }
    }

    private void checkOpen(String what) {
        if (closed) {
            throw new IllegalStateException("Tether: " + what + " after the persistent session of this unit of work "
                    + "was written back would be lost; change the session before the response is sent");
        }
    }

    /**
     * Ends the session: destroys its beans (so {@code @PreDestroy} runs), deletes it and fires
     * {@code @Destroyed}. A later access in this unit starts a fresh session.
     */
    void invalidate() {
        ensureLoaded();
        SessionRow ended;
        synchronized (lock) {
            checkOpen("invalidate");
            for (BeanInstances.Held held : beans.all()) {
                runtime.lifecycle().destroy(held.bean(), held.instance(), held.creationalContext());
            }
            if (stored != null) {
                destroyStoredBeansNotInMemory();
            }
            ended = stored == null ? null : stored.row();
            invalidated = presentedId != null || stored != null || state.idForLog() != null;
            beans.clear();
            stored = null;
            state = freshState();
        }
        if (ended != null) {
            // the lock of a serialize session is this unit's own transaction: release it before deleting the row
            releaseSessionLock();
            runtime.writes().run(() -> runtime.store().delete(ended.pk()));
            runtime.metrics().sessionInvalidated();
            runtime.events().destroyed(ended);
        }
    }

    private void destroyStoredBeansNotInMemory() {
        for (StoredBean row : stored.beans().values()) {
            if (beans.get(row.key()) != null || beans.isDestroyed(row.key())) {
                continue;
            }
            runtime.registry().byKey(row.key()).ifPresent(bean -> {
                BeanInstances.Held held = restore(bean);
                if (held != null) {
                    runtime.lifecycle().destroy(bean, held.instance(), held.creationalContext());
                }
            });
        }
    }

    // ---- loading and writing back

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (loading) {
            if (loaded) {
                return;
            }
            LockedSession locked = null;
            Optional<StoredSession> found = Optional.empty();
            boolean writtenBack;
            synchronized (lock) {
                writtenBack = closed;
            }
            // a unit first used after write-back (a page that renders beans after its first byte) only reads:
            // a lock taken now would have nobody to release it
            boolean serialized = presentedId != null && runtime.serializesSessions() && !writtenBack;
            SessionMetrics.Load measured = presentedId != null || storedPk != null
                    ? runtime.metrics().startLoad(serialized) : null;
            try {
                if (serialized) {
                    long wait = runtime.settings().serializeWait().toMillis();
                    String idHash = SessionIds.hash(presentedId);
                    locked = runtime.turns().lock(idHash, () -> runtime.writes().call(() ->
                            runtime.store().lockAndLoad(idHash, runtime.now(), wait))).orElse(null);
                    found = Optional.ofNullable(locked).map(LockedSession::session);
                } else if (presentedId != null) {
                    found = runtime.store().load(SessionIds.hash(presentedId), runtime.now());
                } else if (storedPk != null) {
                    found = runtime.store().loadByPk(storedPk);
                }
            } catch (RuntimeException failure) {
                if (measured != null) {
                    measured.failed(failure);
                }
                throw failure;
            }
            if (measured != null) {
                measured.found(found.orElse(null));
            }
            synchronized (lock) {
                sessionLock = locked;
                stored = found.orElse(null);
                state = found.map(session -> SessionState.stored(session.row(), presentedId,
                        runtime.settings().rotateOnLogin())).orElseGet(this::freshState);
                followCaller();
            }
            loaded = true;
        }
    }

    private SessionState freshState() {
        return SessionState.fresh(runtime.now(), runtime.settings().idleTimeout(),
                runtime.settings().absoluteTimeout(), runtime.settings().rotateOnLogin());
    }

    /**
     * Lets the session follow the caller the container authenticated: never into a fresh session that replaced
     * an ID the client presented (that ID's session expired or was ended; its login must not live on), and never
     * after this unit ended its session.
     */
    private void followCaller() {
        if (invalidated || (!state.isStored() && presentedId != null)) {
            return;
        }
        try {
            state.followCaller(caller.get());
        } catch (RuntimeException unknown) {
            LOG.log(Level.FINE, "Tether: the caller of this unit of work cannot be asked", unknown);
        }
    }

    /**
     * Writes back what changed. Called once, at the end of the unit; the session can no longer be changed after.
     *
     * @throws dev.tether.SessionConflictException when another unit changed one of the same rows first
     * @throws dev.tether.SessionStoreUnavailableException when the store cannot be written
     */
    WriteBack writeBack() {
        try {
            Pending pending;
            synchronized (lock) {
                closed = true;
                if (!loaded) {
                    return WriteBack.NOTHING;
                }
                followCaller();
                pending = pendingWrite();
            }
            return apply(pending);
        } finally {
            abandon();
        }
    }

    /** What write-back sends to the store ({@code null}: nothing), and what the client is told once it is stored. */
    private record Pending(SessionChanges changes, WriteBack result) {
    }

    /** Writes outside the unit's lock, through the session's lock when this unit holds one. */
    private WriteBack apply(Pending pending) {
        if (pending.changes() == null) {
            return pending.result();
        }
        LockedSession held;
        synchronized (lock) {
            held = sessionLock;
            sessionLock = null;
        }
        SessionMetrics.Write measured = runtime.metrics().startWrite(pending.changes());
        try {
            runtime.writes().run(() -> {
                if (held != null) {
                    held.save(pending.changes());
                } else {
                    runtime.store().save(pending.changes());
                }
            });
        } catch (RuntimeException failure) {
            measured.failed(failure);
            throw failure;
        }
        measured.stored();
        if (pending.changes().created() != null) {
            runtime.events().created(pending.changes().created());
        }
        return pending.result();
    }

    private Pending pendingWrite() {
        long now = runtime.now();
        List<ChangeSet.Encoded> encoded = encodeHeld();
        encodedAtWriteBack = new HashMap<>();
        encoded.forEach(bean -> encodedAtWriteBack.put(bean.key(), bean.now()));
        ChangeSet changed = ChangeSet.between(encoded, beans.destroyedVersions(), this::versionChecked);
        if (!changed.inserts().isEmpty() || !changed.updates().isEmpty()) {
            checkSessionSize(changed);
        }
        if (!state.isStored()) {
            if (changed.inserts().isEmpty() && !state.mustStore()) {
                return new Pending(null, invalidated ? WriteBack.EXPIRE : WriteBack.NOTHING);
            }
            SessionRow row = state.newRow(UUID.randomUUID().toString(), now);
            return new Pending(SessionChanges.creating(row, changed.inserts()), WriteBack.sendId(state.id()));
        }
        SessionUpdate update = state.update(now, runtime.settings().touchInterval().toMillis());
        SessionChanges changes = SessionChanges.updating(update, changed.inserts(), changed.updates(),
                changed.deletes());
        return new Pending(changes.isEmpty() ? null : changes,
                state.idChanged() ? WriteBack.sendId(state.id()) : WriteBack.NOTHING);
    }

    private List<ChangeSet.Encoded> encodeHeld() {
        return beans.all().stream().map(held -> new ChangeSet.Encoded(held.bean().key(),
                runtime.lifecycle().writerFor(held.bean()).name(),
                runtime.lifecycle().encode(held.bean(), held.instance()), held.asLoaded(), held.version(),
                held.hasRow())).toList();
    }

    private boolean versionChecked(String key) {
        return runtime.registry().byKey(key)
                .map(bean -> runtime.policyOf(bean) != ConcurrencyPolicy.LAST_WRITE_WINS)
                .orElse(true);
    }

    private void checkSessionSize(ChangeSet changed) {
        Map<String, Integer> before = new HashMap<>();
        if (stored != null) {
            stored.beans().values().forEach(row -> before.put(row.key(), Math.toIntExact(row.size())));
        }
        Map<String, Integer> after = new HashMap<>(before);
        changed.deletes().forEach(delete -> after.remove(delete.key()));
        for (BeanWrite write : changed.inserts()) {
            runtime.sizes().checkBean(write.key(), write.state());
            after.put(write.key(), write.state().length);
        }
        for (BeanWrite write : changed.updates()) {
            runtime.sizes().checkBean(write.key(), write.state());
            after.put(write.key(), write.state().length);
        }
        runtime.sizes().checkSession(before, after);
    }

    /**
     * The keys of the beans the application changed after write-back (a page that goes on using beans after its
     * response started): those changes are not stored. Asked once the request is over; it cannot fail the request,
     * whose response is already on its way, so it only lets the boundary say so.
     *
     * @param alreadyKnown beans reported before, not checked again (each check costs an encode)
     */
    List<String> changedAfterWriteBack(Predicate<String> alreadyKnown) {
        synchronized (lock) {
            List<String> changed = new ArrayList<>();
            for (String key : usedAfterWriteBack) {
                if (alreadyKnown.test(key)) {
                    continue;
                }
                BeanInstances.Held held = beans.get(key);
                byte[] before = encodedAtWriteBack.containsKey(key) ? encodedAtWriteBack.get(key) : held == null
                        ? null : held.asLoaded();
                if (held != null && before != null && !sameEncoding(held, before)) {
                    changed.add(key);
                }
            }
            return changed;
        }
    }

    private boolean sameEncoding(BeanInstances.Held held, byte[] before) {
        try {
            return Arrays.equals(runtime.lifecycle().encode(held.bean(), held.instance()), before);
        } catch (RuntimeException unwritable) {
            return true;
        }
    }

    /** Ends the unit without writing: releases the session's lock if this unit holds it. */
    void abandon() {
        synchronized (lock) {
            closed = true;
        }
        releaseSessionLock();
    }

    private void releaseSessionLock() {
        LockedSession held;
        synchronized (lock) {
            held = sessionLock;
            sessionLock = null;
        }
        if (held != null) {
            runtime.writes().run(held::close);
        }
    }
}
