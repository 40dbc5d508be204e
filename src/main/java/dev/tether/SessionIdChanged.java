package dev.tether;

/**
 * Fired when a stored session gets a new ID and keeps its data, once the new ID is stored. It carries the session's
 * handle, never its ID, old or new: an audit log of it holds nothing that could be replayed.
 *
 * <pre>{@code
 * void audit(@Observes SessionIdChanged changed) {
 *     log.info("session " + changed.session().handle() + " has a new ID after " + changed.cause());
 * }
 * }</pre>
 *
 * @param session the session as stored with its new ID (its principal after a login)
 * @param cause   what gave it the new ID
 */
public record SessionIdChanged(SessionInfo session, Cause cause) {

    /** What gave a session a new ID. */
    public enum Cause {

        /** The application called {@link PersistentSession#rotateId()}. */
        ROTATED,

        /**
         * Its principal changed (a login, or a logout that kept the session) and {@code tether.rotate-on-login} gave
         * it a new ID.
         */
        PRINCIPAL_CHANGED
    }
}
