package dev.tether.store;

import java.util.List;
import java.util.Optional;

/**
 * Where sessions live. Implementations see no CDI and no HTTP: rows, bytes and versions only. Every
 * method throws {@link dev.tether.SessionStoreUnavailableException} when the database cannot be used.
 */
public interface SessionStore {

    /** The session and all its beans, in one query; empty when unknown or expired at {@code now}. */
    Optional<StoredSession> load(String idHash, long now);

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
}
