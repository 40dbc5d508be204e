package dev.tether;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Operations on persistent sessions as a whole, outside any one request. Application scoped; inject it.
 *
 * <pre>{@code
 * @Inject PersistentSessions sessions;
 *
 * // a WebSocket message handler: act inside the sender's session, written back at the end
 * sessions.runInSession(sessionId, () -> { cart.add(item); return null; });
 *
 * // "log out everywhere"
 * sessions.invalidateAll(user.getName());
 *
 * // an account page: the user's sessions, and "end" on the one of the lost phone
 * List<SessionSummary> mine = sessions.findSummariesByPrincipal(user.getName());
 * sessions.invalidateByHandle(handle, user.getName());
 * }</pre>
 */
public interface PersistentSessions {

    /**
     * Runs {@code work} as a unit of work of the session with this ID: persistent beans used inside are
     * those of that session, and changes are written back before this method returns. An unknown, expired
     * or malformed ID (or {@code null}) gives a fresh session; read its ID from {@link PersistentSession#id()}.
     *
     * @param <T> what the work returns
     * @param id the session's ID, as the client sent it
     * @param work what to run inside the session
     * @return what {@code work} returned
     * @throws SessionConflictException when another unit changed the same bean first; nothing was written
     * @throws SessionStoreUnavailableException when the store cannot be reached; nothing was written
     * @throws Exception what {@code work} threw; nothing was written
     */
    <T> T runInSession(String id, Callable<T> work) throws Exception;

    /**
     * Looks a session up by its ID.
     *
     * @param id the session's ID
     * @return the session, unless it is unknown, expired or malformed
     */
    Optional<SessionInfo> find(String id);

    /**
     * Every live session of this principal.
     *
     * @param principal the user's name, as given to {@link PersistentSession#setPrincipal}
     * @return the sessions, oldest first
     */
    List<SessionInfo> findByPrincipal(String principal);

    /**
     * Every live session of this principal, with how much each stores and which one is the caller's: what an
     * account page lists. Like every type of this API, it holds no session ID; each session's
     * {@link SessionInfo#handle() handle} names it to {@link #invalidateByHandle(String, String)}.
     *
     * @param principal the user's name, as given to {@link PersistentSession#setPrincipal}
     * @return the sessions, oldest first
     */
    List<SessionSummary> findSummariesByPrincipal(String principal);

    /**
     * A page of every live session with how much each stores: what an operator pages through. The order is that of
     * the handles, which never change, so that a session living on between two calls is listed exactly once.
     *
     * @param afterHandle the handle of the last session of the previous page, or {@code null} for the first page
     * @param limit       how many sessions at most, from 1
     * @return up to {@code limit} sessions; fewer means there are no more
     * @throws UnsupportedOperationException when the configured store cannot list all sessions (Tether's own can)
     */
    List<SessionSummary> findSummaries(String afterHandle, int limit);

    /**
     * One live session by its handle, with the keys of its beans and their stored sizes (never their contents):
     * what an operator looks at.
     *
     * @param handle a {@link SessionInfo#handle() handle}, as listed by {@link #findSummaries} or
     *               {@link #findSummariesByPrincipal}
     * @return the session, unless there is no live one with this handle
     */
    Optional<SessionDetails> findByHandle(String handle);

    /**
     * Ends the session with this handle, whoever it belongs to, the way {@link PersistentSession#invalidate()} would:
     * its beans' {@code @PreDestroy} runs, its row is deleted, its client gets a fresh session on its next request.
     * This is an operator's action: a handle a user sent must be checked to be theirs, which
     * {@link #invalidateByHandle(String, String)} does. Ending the caller's own session this way is its
     * {@code invalidate()}: the response expires its cookie.
     *
     * @param handle a {@link SessionInfo#handle() handle}, as listed by {@link #findByPrincipal} or
     *               {@link #findSummariesByPrincipal}
     * @return {@code true} when this call ended a live session; {@code false} when there is none with this handle
     *         (already ended, expired, or never stored), which is no error
     */
    boolean invalidateByHandle(String handle);

    /**
     * Ends the session with this handle if it belongs to this principal: the "end" button of an account page,
     * safe whatever handle the request carries. Otherwise as {@link #invalidateByHandle(String)}.
     *
     * @param handle    a {@link SessionInfo#handle() handle}, as listed by {@link #findSummariesByPrincipal}
     * @param principal the user whose session it must be
     * @return {@code true} when this call ended a live session of {@code principal}; {@code false} when there is
     *         none with this handle (already ended, expired, never stored) or it is another principal's
     */
    boolean invalidateByHandle(String handle, String principal);

    /**
     * Ends every session of this principal ("log out everywhere").
     *
     * @param principal the user's name, as given to {@link PersistentSession#setPrincipal}
     * @return how many sessions were ended
     */
    int invalidateAll(String principal);

    /**
     * Counts the live sessions.
     *
     * @return the number of sessions in the store that have not expired
     */
    long count();

    /**
     * Deletes expired sessions now, in batches of {@code tether.purge.batch-size}, unless another node is purging
     * (the nodes share a lease in the database). Tether also runs this every {@code tether.purge-interval} on a
     * thread of the server's {@code ManagedThreadFactory}; call it yourself where there is none. It may be called
     * inside a transaction of the application: its lease and deletes run outside it.
     *
     * @return how many sessions were deleted, in how many batches and how long it took
     */
    PurgeResult purgeExpired();

    /**
     * What Tether did on this node since the application started.
     *
     * @return a snapshot of the counts and total times
     */
    SessionStatistics statistics();
}
