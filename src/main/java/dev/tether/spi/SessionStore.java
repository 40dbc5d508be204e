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

    /**
     * Applies changes that give a session a principal (a login) within {@code limit}: the principal's other live
     * sessions beyond the limit are deleted, oldest first, in the same transaction, or the save is refused and
     * nothing is written. Two overlapping logins of one principal must not both pass: Tether's store takes a lock
     * that every such save waits for. This default runs the steps one after the other, which overlapping logins can
     * pass together; a store that can lock should override it.
     *
     * @return the rows of the sessions ended to make room, oldest first
     * @throws dev.tether.TooManySessionsException when the policy refuses the login; nothing is written
     * @throws dev.tether.SessionConflictException as {@link #save(SessionChanges)}
     */
    default List<SessionRow> save(SessionChanges changes, PrincipalLimit limit) {
        List<SessionRow> ended = limit.toEnd(findByPrincipal(limit.principal(), limit.now()).stream()
                .filter(row -> !row.pk().equals(changes.sessionPk())).toList());
        ended.forEach(row -> delete(row.pk()));
        save(changes);
        return ended;
    }

    /** Deletes the session and its beans. */
    void delete(String pk);

    /** Rows of live sessions of this principal, oldest first, without their beans. */
    List<SessionRow> findByPrincipal(String principal, long now);

    /**
     * Rows of live sessions of this principal with how many beans each stores and how large they are, oldest
     * first. The default loads each session whole; a store that can add the sizes up in its query should.
     */
    default List<SessionFootprint> findFootprintsByPrincipal(String principal, long now) {
        return findByPrincipal(principal, now).stream()
                .flatMap(row -> loadByPk(row.pk()).filter(found -> found.row().expiresAt() > now).stream())
                .map(SessionFootprint::of)
                .toList();
    }

    /**
     * A page of every live session with how much each stores, in the order of their keys ({@link SessionRow#pk()}),
     * starting after {@code afterPk}: what an operator's list pages through. The default says that this store
     * cannot list all sessions; Tether's own store can.
     *
     * @param afterPk the key of the last session of the previous page, or {@code null} for the first page
     * @param limit   how many sessions at most
     * @throws UnsupportedOperationException when the store cannot list all sessions
     */
    default List<SessionFootprint> findFootprints(long now, String afterPk, int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot list all sessions");
    }

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
