package dev.tether.context;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.spi.CreationalContext;

import dev.tether.ConcurrencyPolicy;
import dev.tether.codec.BeanCodec;
import dev.tether.codec.UnreadableStateException;
import dev.tether.ids.SessionIds;
import dev.tether.store.LockedSession;
import dev.tether.store.SessionChanges;
import dev.tether.store.SessionChanges.BeanWrite;
import dev.tether.store.SessionRow;
import dev.tether.store.StoredBean;
import dev.tether.store.StoredSession;

/**
 * One request's (or one explicit unit's) view of a persistent session: loaded on first use, each bean kept
 * as its own copy with the bytes it was loaded or created with, and written back at the end: only the beans
 * whose bytes changed, in one transaction.
 *
 * <p>A unit belongs to one request at a time; its methods are synchronized so that a request which hands
 * work to a second thread still sees one consistent session.
 */
final class UnitOfWork {

    private static final Logger LOG = Logger.getLogger(UnitOfWork.class.getName());

    private final SessionRuntime runtime;
    private final String presentedId;
    private final String storedPk;
    private final Supplier<String> caller;

    private boolean loaded;
    private StoredSession stored;
    private LockedSession lock;
    private String id;
    private Metadata metadata;
    private boolean keepNewSession;
    private boolean metadataChanged;
    private boolean idChanged;
    private boolean invalidated;
    private final Map<String, BeanCopy> copies = new LinkedHashMap<>();
    private final Map<String, Long> destroyedVersions = new HashMap<>();
    private final Set<String> unreadable = new HashSet<>();

    /**
     * @param presentedId a well-formed ID the client presented, or {@code null}
     * @param caller      the name of the user the boundary authenticated, asked when the session is loaded and
     *                    again before it is written back; {@code null} when nobody is (or it is not known)
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

    /** A bean's instance in this unit, with the bytes it had when this unit got it. */
    private static final class BeanCopy {
        final PersistentBean bean;
        final Object instance;
        final CreationalContext<Object> creationalContext;
        final byte[] original;
        final long version;
        final boolean hasRow;

        BeanCopy(PersistentBean bean, Object instance, CreationalContext<Object> creationalContext, byte[] original,
                 long version, boolean hasRow) {
            this.bean = bean;
            this.instance = instance;
            this.creationalContext = creationalContext;
            this.original = original;
            this.version = version;
            this.hasRow = hasRow;
        }
    }

    /** The session's own data as this unit sees it. */
    private record Metadata(long createdAt, long lastAccessedAt, long idleTimeoutMillis, long absoluteExpiresAt,
                            Optional<String> principal) {
    }

    // ---- the context's view

    @SuppressWarnings("unchecked")
    synchronized <T> T get(PersistentBean bean, CreationalContext<T> creationalContext) {
        ensureLoaded();
        BeanCopy copy = copies.get(bean.key());
        if (copy == null) {
            copy = restore(bean);
        }
        if (copy == null) {
            if (creationalContext == null) {
                return null;
            }
            copy = create(bean, (CreationalContext<Object>) creationalContext);
        }
        return (T) copy.instance;
    }

    synchronized void destroy(PersistentBean bean) {
        ensureLoaded();
        BeanCopy copy = copies.remove(bean.key());
        StoredBean row = storedBean(bean.key());
        if (copy != null) {
            bean.bean().destroy(copy.instance, copy.creationalContext);
        }
        if (row != null || (copy != null && copy.hasRow)) {
            destroyedVersions.put(bean.key(), copy != null ? copy.version : row.version());
        }
    }

    private BeanCopy restore(PersistentBean bean) {
        StoredBean row = storedBean(bean.key());
        if (row == null || unreadable.contains(bean.key())) {
            return null;
        }
        Optional<Object> instance = decode(bean, row);
        if (instance.isEmpty()) {
            // the container asks twice (without, then with a creational context): warn and decode once
            unreadable.add(bean.key());
            return null;
        }
        BeanCopy copy = new BeanCopy(bean, instance.get(), runtime.beanManager().createCreationalContext(bean.bean()),
                row.state(), row.version(), true);
        if (bean.injectionTarget() != null) {
            bean.injectionTarget().inject(copy.instance, copy.creationalContext);
        }
        copies.put(bean.key(), copy);
        return copy;
    }

    private BeanCopy create(PersistentBean bean, CreationalContext<Object> creationalContext) {
        Object instance = bean.bean().create(creationalContext);
        StoredBean row = storedBean(bean.key());
        Long destroyedVersion = destroyedVersions.remove(bean.key());
        boolean hasRow = row != null || destroyedVersion != null;
        long version = destroyedVersion != null ? destroyedVersion : row != null ? row.version() : 0;
        // a bean that replaces stored or destroyed state is always written; a brand new one only once it changes
        byte[] original = hasRow ? null : runtime.codecs().writerFor(bean).encode(instance);
        BeanCopy copy = new BeanCopy(bean, instance, creationalContext, original, version, hasRow);
        copies.put(bean.key(), copy);
        return copy;
    }

    private Optional<Object> decode(PersistentBean bean, StoredBean row) {
        if (!runtime.sizes().readable(row.state())) {
            warnUnreadable(bean, runtime.sizes().whyUnreadable(row.state()));
            return Optional.empty();
        }
        Optional<BeanCodec> codec = runtime.codecs().named(row.codec());
        if (codec.isEmpty()) {
            warnUnreadable(bean, "it was written by an unknown codec '" + row.codec() + "'");
            return Optional.empty();
        }
        try {
            return Optional.of(codec.get().decode(row.state(), bean.stateType()));
        } catch (UnreadableStateException e) {
            warnUnreadable(bean, e.getMessage());
            return Optional.empty();
        }
    }

    private void warnUnreadable(PersistentBean bean, String reason) {
        LOG.warning(() -> "Tether: the stored state of " + bean.key() + " in session " + SessionIds.forLog(id)
                + " cannot be read (" + reason + "); the bean starts fresh");
    }

    private StoredBean storedBean(String key) {
        if (stored == null || destroyedVersions.containsKey(key)) {
            return null;
        }
        return stored.beans().get(key);
    }

    /** The instance a client proxy stands for: the proxy's class extends the bean's class. */
    synchronized Object instanceBehind(Object candidate) {
        if (candidate == null) {
            return null;
        }
        for (BeanCopy copy : copies.values()) {
            if (copy.bean.stateType().isInstance(candidate) && candidate.getClass() != copy.instance.getClass()) {
                return copy.instance;
            }
        }
        return candidate;
    }

    // ---- the PersistentSession view

    synchronized String id() {
        ensureLoaded();
        if (id == null) {
            id = SessionIds.generate();
            keepNewSession = true;
        }
        return id;
    }

    synchronized boolean isNew() {
        ensureLoaded();
        return stored == null;
    }

    synchronized Instant createdAt() {
        ensureLoaded();
        return Instant.ofEpochMilli(metadata.createdAt());
    }

    synchronized Instant lastAccessedAt() {
        ensureLoaded();
        return Instant.ofEpochMilli(metadata.lastAccessedAt());
    }

    synchronized Optional<String> principal() {
        ensureLoaded();
        return metadata.principal();
    }

    synchronized void setPrincipal(String principal) {
        ensureLoaded();
        changePrincipal(principal);
        keepNewSession = true;
    }

    synchronized void setIdleTimeout(Duration timeout) {
        ensureLoaded();
        metadata = new Metadata(metadata.createdAt(), metadata.lastAccessedAt(), positive(timeout).toMillis(),
                metadata.absoluteExpiresAt(), metadata.principal());
        metadataChanged = true;
    }

    synchronized void setAbsoluteTimeout(Duration timeout) {
        ensureLoaded();
        metadata = new Metadata(metadata.createdAt(), metadata.lastAccessedAt(), metadata.idleTimeoutMillis(),
                metadata.createdAt() + positive(timeout).toMillis(), metadata.principal());
        metadataChanged = true;
    }

    synchronized Instant expiresAt() {
        ensureLoaded();
        long idleExpiry = Math.max(metadata.lastAccessedAt(), runtime.now()) + metadata.idleTimeoutMillis();
        return Instant.ofEpochMilli(Math.min(idleExpiry, metadata.absoluteExpiresAt()));
    }

    private static Duration positive(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a session timeout must be a positive duration, not " + timeout);
        }
        return timeout;
    }

    synchronized String rotateId() {
        ensureLoaded();
        newId();
        keepNewSession = true;
        return id;
    }

    private void newId() {
        id = SessionIds.generate();
        idChanged = true;
    }

    /** Records a new principal; a different one is a login (or logout), after which the old ID must be worthless. */
    private void changePrincipal(String principal) {
        Optional<String> next = Optional.ofNullable(principal);
        if (next.equals(metadata.principal())) {
            return;
        }
        metadata = new Metadata(metadata.createdAt(), metadata.lastAccessedAt(), metadata.idleTimeoutMillis(),
                metadata.absoluteExpiresAt(), next);
        metadataChanged = true;
        if (runtime.settings().rotateOnLogin() && stored != null) {
            newId();
        }
    }

    /**
     * Follows the user the boundary authenticated: a request whose user differs from the session's principal
     * records that user (and so rotates the ID). An anonymous request leaves the principal alone: the
     * application may keep its own login in the session.
     */
    private void followCaller() {
        String name;
        try {
            name = caller.get();
        } catch (RuntimeException unknown) {
            LOG.log(Level.FINE, "Tether: the caller of this unit of work cannot be asked", unknown);
            return;
        }
        if (name != null && !invalidated) {
            changePrincipal(name);
        }
    }

    synchronized void invalidate() {
        ensureLoaded();
        for (BeanCopy copy : copies.values()) {
            copy.bean.bean().destroy(copy.instance, copy.creationalContext);
        }
        if (stored != null) {
            destroyStoredBeansNotInMemory();
            abandon();
            runtime.writes().run(() -> runtime.store().delete(stored.row().pk()));
            runtime.events().destroyed(stored.row());
        }
        invalidated = presentedId != null || stored != null || id != null;
        copies.clear();
        destroyedVersions.clear();
        unreadable.clear();
        startFresh();
    }

    private void destroyStoredBeansNotInMemory() {
        for (StoredBean row : stored.beans().values()) {
            if (copies.containsKey(row.key()) || destroyedVersions.containsKey(row.key())) {
                continue;
            }
            runtime.registry().byKey(row.key()).ifPresent(bean -> {
                BeanCopy copy = restore(bean);
                if (copy != null) {
                    bean.bean().destroy(copy.instance, copy.creationalContext);
                }
            });
        }
    }

    /** The surrogate key of the stored session, if this unit loaded one. */
    synchronized Optional<String> storedPk() {
        return stored == null ? Optional.empty() : Optional.of(stored.row().pk());
    }

    // ---- loading and writing back

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        Optional<StoredSession> found = Optional.empty();
        if (presentedId != null && runtime.serializesSessions()) {
            long wait = runtime.settings().serializeWait().toMillis();
            lock = runtime.writes().call(() ->
                    runtime.store().lockAndLoad(SessionIds.hash(presentedId), runtime.now(), wait)).orElse(null);
            found = lock == null ? Optional.empty() : Optional.of(lock.session());
        } else if (presentedId != null) {
            found = runtime.store().load(SessionIds.hash(presentedId), runtime.now());
        } else if (storedPk != null) {
            found = runtime.store().loadByPk(storedPk);
        }
        if (found.isPresent()) {
            stored = found.get();
            id = presentedId;
            SessionRow row = stored.row();
            metadata = new Metadata(row.createdAt(), row.lastAccessedAt(), row.idleTimeoutMillis(),
                    row.absoluteExpiresAt(), row.principal());
            loaded = true;
        } else {
            startFresh();
        }
        followCaller();
    }

    /** A new session: its ID (never the one presented) is allocated only when it must be handed out. */
    private void startFresh() {
        long now = runtime.now();
        stored = null;
        id = null;
        keepNewSession = false;
        metadataChanged = false;
        idChanged = false;
        metadata = new Metadata(now, now, runtime.settings().idleTimeout().toMillis(),
                now + runtime.settings().absoluteTimeout().toMillis(), Optional.empty());
        loaded = true;
    }

    /**
     * Writes back what changed. Called once, at the end of the unit.
     *
     * @throws dev.tether.SessionConflictException when another unit changed one of the same beans first
     * @throws dev.tether.SessionStoreUnavailableException when the store cannot be written
     */
    synchronized WriteBack writeBack() {
        try {
            return writeChanges();
        } finally {
            abandon();
        }
    }

    private WriteBack writeChanges() {
        if (!loaded) {
            return WriteBack.NOTHING;
        }
        followCaller();
        List<BeanWrite> inserts = new ArrayList<>();
        List<BeanWrite> updates = new ArrayList<>();
        for (BeanCopy copy : copies.values()) {
            BeanCodec codec = runtime.codecs().writerFor(copy.bean);
            byte[] state = codec.encode(copy.instance);
            if (!Arrays.equals(state, copy.original)) {
                runtime.sizes().checkBean(copy.bean.key(), state);
                boolean checked = policyOf(copy.bean) != ConcurrencyPolicy.LAST_WRITE_WINS;
                BeanWrite write = new BeanWrite(copy.bean.key(), codec.name(), state, copy.version, checked);
                (copy.hasRow ? updates : inserts).add(write);
            }
        }
        List<String> deletes = List.copyOf(destroyedVersions.keySet());
        if (!inserts.isEmpty() || !updates.isEmpty()) {
            checkSessionSize(inserts, updates, deletes);
        }
        long now = runtime.now();
        if (stored == null) {
            return writeNewSession(inserts, now);
        }
        boolean touchDue = now - metadata.lastAccessedAt() >= runtime.settings().touchInterval().toMillis();
        if (inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty() && !metadataChanged && !idChanged
                && !touchDue) {
            return WriteBack.NOTHING;
        }
        SessionRow row = rowAt(stored.row().pk(), now);
        SessionChanges changes = new SessionChanges(row, false, inserts, updates, deletes);
        LockedSession held = lock;
        lock = null;
        runtime.writes().run(() -> {
            if (held != null) {
                held.save(changes);
            } else {
                runtime.store().save(changes);
            }
        });
        return idChanged ? WriteBack.sendId(id) : WriteBack.NOTHING;
    }

    private void checkSessionSize(List<BeanWrite> inserts, List<BeanWrite> updates, List<String> deletes) {
        Map<String, Integer> before = new HashMap<>();
        if (stored != null) {
            stored.beans().values().forEach(row -> before.put(row.key(), row.state() == null ? 0 : row.state().length));
        }
        Map<String, Integer> after = new HashMap<>(before);
        deletes.forEach(after::remove);
        inserts.forEach(write -> after.put(write.key(), write.state().length));
        updates.forEach(write -> after.put(write.key(), write.state().length));
        runtime.sizes().checkSession(before, after);
    }

    /** Ends the unit without writing: releases the session's lock if this unit holds it. */
    synchronized void abandon() {
        if (lock != null) {
            LockedSession held = lock;
            lock = null;
            runtime.writes().run(held::close);
        }
    }

    private WriteBack writeNewSession(List<BeanWrite> inserts, long now) {
        if (inserts.isEmpty() && !keepNewSession) {
            return invalidated ? WriteBack.EXPIRE : WriteBack.NOTHING;
        }
        if (id == null) {
            id = SessionIds.generate();
        }
        SessionRow row = rowAt(UUID.randomUUID().toString(), now);
        SessionChanges changes = new SessionChanges(row, true, inserts, List.of(), List.of());
        runtime.writes().run(() -> runtime.store().save(changes));
        runtime.events().created(row);
        return WriteBack.sendId(id);
    }

    private SessionRow rowAt(String pk, long accessedAt) {
        long idleExpiry = accessedAt + metadata.idleTimeoutMillis();
        return new SessionRow(pk, SessionIds.hash(id), metadata.createdAt(), accessedAt,
                Math.min(idleExpiry, metadata.absoluteExpiresAt()), metadata.idleTimeoutMillis(),
                metadata.absoluteExpiresAt(), metadata.principal());
    }

    private ConcurrencyPolicy policyOf(PersistentBean bean) {
        return bean.policy() != null ? bean.policy() : runtime.settings().concurrency();
    }
}
