package dev.tether.spi;

import java.util.List;
import java.util.Optional;

/**
 * Where sessions live. Implementations see no CDI and no HTTP: rows, bytes and versions only. Every
 * method throws {@link dev.tether.SessionStoreUnavailableException} when the database cannot be used.
 */
public interface SessionStore {

    /** The session and all its beans, in one query; empty when unknown or expired at {@code now}. */
    Optional<StoredSession> load(String idHash, long now);

    /**
     * The session and its beans, locked against every other unit that asks for the lock, until the returned
     * handle is saved or closed. Empty when unknown or expired.
     *
     * @param waitMillis how long to wait for a lock another unit holds
     * @throws dev.tether.SessionStoreUnavailableException when the lock is not granted in time
     */
    Optional<LockedSession> lockAndLoad(String idHash, long now, long waitMillis);

    /** The session by its surrogate key, with its beans, whether or not it has expired. */
    Optional<StoredSession> loadByPk(String pk);

    /**
     * Applies the changes in one transaction of the store's own.
     *
     * @throws dev.tether.SessionConflictException when a bean changed since it was read, a bean was
     *         inserted meanwhile by another unit, or the session was deleted meanwhile; nothing is written
     */
    void save(SessionChanges changes);

    /** Deletes the session and its beans. */
    void delete(String pk);

    /** Rows of live sessions of this principal, oldest first, without their beans. */
    List<SessionRow> findByPrincipal(String principal, long now);

    /** The row of a live session, without its beans. */
    Optional<SessionRow> find(String idHash, long now);

    long countLive(long now);

    /** Up to {@code limit} rows of sessions expired at {@code now}, the longest expired first. */
    List<SessionRow> findExpired(long now, int limit);

    /**
     * Deletes those of the sessions that are still expired at {@code now}, with their beans, in one short
     * transaction.
     *
     * @return the keys of the sessions this call deleted: not those another caller deleted meanwhile, for which
     *         Tether must not announce an end a second time
     */
    List<String> deleteExpired(List<String> pks, long now);

    /**
     * Takes or renews the named cluster-wide lease for {@code holder} until {@code until}, unless another holder's
     * lease is still current.
     *
     * @return whether {@code holder} now holds the lease
     */
    boolean acquireLease(String name, String holder, long now, long until);
}
