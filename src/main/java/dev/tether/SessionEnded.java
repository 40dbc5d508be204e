package dev.tether;

/**
 * Fired when a persistent session ends, beside {@code @Destroyed(PersistentSessionScoped.class)} (which stays as it
 * was), saying why: what an audit log needs. Observe it like any CDI event; it is fired only where an observer
 * exists, after the session was deleted.
 *
 * <pre>{@code
 * void audit(@Observes SessionEnded ended) {
 *     log.info(ended.session().principal().orElse("anonymous") + " " + ended.reason()
 *             + " " + ended.session().handle());
 * }
 * }</pre>
 *
 * @param session the session as it was stored when it ended; it carries its handle, never its ID
 * @param reason  why it ended
 */
public record SessionEnded(SessionInfo session, Reason reason) {

    /** Why a session ended. */
    public enum Reason {

        /** The application ended it with {@link PersistentSession#invalidate()}: a logout. */
        INVALIDATED,

        /** It was not used within its idle timeout, or outlived its absolute timeout; the purge found it. */
        EXPIRED,

        /**
         * Its principal logged in once more than {@code tether.max-sessions-per-principal} allows, and the policy
         * ends the oldest session to make room.
         */
        PRINCIPAL_LIMIT,

        /**
         * It was ended by its handle ({@link PersistentSessions#invalidateByHandle}): by an operator, or by its user
         * from another session (an account page's "end" button).
         */
        OPERATOR,

        /** All sessions of its principal were ended at once ({@link PersistentSessions#invalidateAll}). */
        EVERYWHERE
    }
}
