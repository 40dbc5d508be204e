package dev.tether.spi;

import java.util.List;

/**
 * A session loaded under an exclusive lock that is held until {@link #save} or {@link #close}: how the
 * {@code serialize} policy makes requests of one session take turns, on any number of nodes.
 */
public interface LockedSession extends AutoCloseable {

    StoredSession session();

    /** Applies the changes in the locked transaction, commits, and releases the lock. */
    void save(SessionChanges changes);

    /**
     * Applies changes that give the session a principal within {@code limit}, as
     * {@link SessionStore#save(SessionChanges, PrincipalLimit)} does, in the locked transaction; commits and releases
     * the lock. A store whose locked sessions cannot do this cannot limit the sessions of a principal under the
     * {@code serialize} policy: this default refuses.
     *
     * @return the rows of the sessions ended to make room, oldest first
     */
    default List<SessionRow> save(SessionChanges changes, PrincipalLimit limit) {
        close();
        throw new UnsupportedOperationException("this store's locked sessions do not keep "
                + "tether.max-sessions-per-principal; leave it unset, or use a policy other than serialize");
    }

    /** Releases the lock without writing anything, unless {@link #save} already did. */
    @Override
    void close();
}
