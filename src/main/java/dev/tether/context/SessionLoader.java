package dev.tether.context;

import java.util.Optional;

import dev.tether.spi.LockedSession;
import dev.tether.spi.StoredSession;

/**
 * Loads a unit's session, once: by the ID the client presented (under the session's lock where the serialize
 * policy asks for one), or by its surrogate key; each load measured. Holds no state of its own.
 */
final class SessionLoader {

    /**
     * What a load found.
     *
     * @param session the stored session, or {@code null} when there is none (unknown, expired, no ID at all)
     * @param lock    the session's lock when this unit took one, or {@code null}
     */
    record Loaded(StoredSession session, LockedSession lock) {

        static final Loaded NOTHING = new Loaded(null, null);
    }

    private final SessionRuntime runtime;

    SessionLoader(SessionRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * @param presentedId a well-formed ID the client presented, or {@code null}
     * @param storedPk    the key of a stored session to load instead, or {@code null}
     * @param writtenBack whether the unit was already written back: it then only reads, because a lock taken now
     *                    would have nobody to release it (a page that renders beans after its first byte)
     */
    Loaded load(String presentedId, String storedPk, boolean writtenBack) {
        if (presentedId == null && storedPk == null) {
            return Loaded.NOTHING;
        }
        boolean serialized = presentedId != null && runtime.serializesSessions() && !writtenBack;
        SessionMetrics.Load measured = runtime.metrics().startLoad(serialized);
        Loaded loaded;
        try {
            if (serialized) {
                loaded = loadLocked(SessionIds.hash(presentedId));
            } else {
                Optional<StoredSession> found = presentedId != null
                        ? runtime.store().load(SessionIds.hash(presentedId), runtime.now())
                        : runtime.store().loadByPk(storedPk);
                loaded = new Loaded(found.orElse(null), null);
            }
        } catch (RuntimeException failure) {
            measured.failed(failure);
            throw failure;
        }
        measured.found(loaded.session());
        return loaded;
    }

    /** Waits for the session's turn on this node, then for its row lock in the database. */
    private Loaded loadLocked(String idHash) {
        long wait = runtime.settings().serializeWait().toMillis();
        LockedSession locked = runtime.turns().lock(idHash, () -> runtime.writes().call(() ->
                runtime.store().lockAndLoad(idHash, runtime.now(), wait))).orElse(null);
        return locked == null ? Loaded.NOTHING : new Loaded(locked.session(), locked);
    }
}
