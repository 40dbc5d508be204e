package dev.tether.context;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.tether.ConfigKeys;
import dev.tether.SessionStoreUnavailableException;
import dev.tether.spi.LockedSession;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.StoredSession;

/**
 * The requests of this node that have, or wait for, the turn of a serialized session. Each one holds a pooled
 * connection and an open transaction while it has or waits for the row lock, so one client firing many parallel
 * requests at its own session could empty the pool for everybody else; and one client with many sessions could do
 * the same with a few requests on each. Past {@code maxWaiting} waiters beside the request that has a session's turn,
 * or past {@code maxOnNode} requests inside over all sessions, a request is refused at once (a 503), without taking a
 * connection.
 */
final class SessionTurns {

    private final int maxWaiting;
    private final int maxOnNode;
    private final ConcurrentHashMap<String, Integer> inside = new ConcurrentHashMap<>();
    private final AtomicInteger insideOnNode = new AtomicInteger();

    SessionTurns(int maxWaiting, int maxOnNode) {
        this.maxWaiting = maxWaiting;
        this.maxOnNode = maxOnNode;
    }

    /**
     * Counts the request in, then runs the locking load. The count is held until the returned lock is saved or
     * closed, or dropped at once when there is no session to lock or the load fails.
     *
     * @throws SessionStoreUnavailableException when too many requests of this node already wait for the session,
     *         or have or wait for the turn of any session
     */
    Optional<LockedSession> lock(String idHash, Supplier<Optional<LockedSession>> lockAndLoad) {
        enter(idHash);
        try {
            Optional<LockedSession> locked = lockAndLoad.get();
            if (locked.isEmpty()) {
                leave(idHash);
            }
            return locked.map(held -> new CountedLock(held, idHash));
        } catch (RuntimeException e) {
            leave(idHash);
            throw e;
        }
    }

    /** How many requests of this node have or wait for the session's turn (for tests and diagnostics). */
    int inside(String idHash) {
        return inside.getOrDefault(idHash, 0);
    }

    /** How many requests of this node have or wait for any session's turn (for tests and diagnostics). */
    int insideOnNode() {
        return insideOnNode.get();
    }

    private void enter(String idHash) {
        // one more than allowed counts itself out again, so the counts never stay above their caps
        if (insideOnNode.incrementAndGet() > maxOnNode) {
            insideOnNode.decrementAndGet();
            throw new SessionStoreUnavailableException("serialized sessions are busy: " + maxOnNode + " requests "
                    + "already have or wait for a turn on this node (" + ConfigKeys.SERIALIZE_MAX_PER_NODE + ")", null);
        }
        // the request that has the turn, and at most maxWaiting beside it
        if (inside.merge(idHash, 1, Integer::sum) > maxWaiting + 1) {
            leave(idHash);
            throw new SessionStoreUnavailableException("the session is busy: " + maxWaiting + " other requests of it "
                    + "already wait for their turn on this node (" + ConfigKeys.SERIALIZE_MAX_WAITING + ")", null);
        }
    }

    private void leave(String idHash) {
        inside.computeIfPresent(idHash, (key, count) -> count == 1 ? null : count - 1);
        insideOnNode.decrementAndGet();
    }

    /** The store's lock, which gives the turn back once, however it ends. */
    private final class CountedLock implements LockedSession {

        private final LockedSession lock;
        private final String idHash;
        private final AtomicBoolean left = new AtomicBoolean();

        CountedLock(LockedSession lock, String idHash) {
            this.lock = lock;
            this.idHash = idHash;
        }

        @Override
        public StoredSession session() {
            return lock.session();
        }

        @Override
        public void save(SessionChanges changes) {
            try {
                lock.save(changes);
            } finally {
                giveBack();
            }
        }

        @Override
        public void close() {
            try {
                lock.close();
            } finally {
                giveBack();
            }
        }

        private void giveBack() {
            if (left.compareAndSet(false, true)) {
                leave(idHash);
            }
        }
    }
}
