package dev.tether.spi;

/**
 * A session loaded under an exclusive lock that is held until {@link #save} or {@link #close}: how the
 * {@code serialize} policy makes requests of one session take turns, on any number of nodes.
 */
public interface LockedSession extends AutoCloseable {

    StoredSession session();

    /** Applies the changes in the locked transaction, commits, and releases the lock. */
    void save(SessionChanges changes);

    /** Releases the lock without writing anything, unless {@link #save} already did. */
    @Override
    void close();
}
