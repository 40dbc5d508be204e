package dev.tether;

/**
 * A login was refused: its principal already has as many sessions as {@code tether.max-sessions-per-principal}
 * allows, and {@code tether.max-sessions-policy} is {@code refuse}. Nothing of the unit of work was stored. Thrown by
 * {@link PersistentSession#setPrincipal} when the limit is already reached, so a login page can catch it and say
 * so; and at the end of the unit of work when another login of the same principal took the last place meanwhile.
 * Over HTTP it is {@code 409 Conflict} with a problem body.
 */
public class TooManySessionsException extends TetherException {

    private static final long serialVersionUID = 1L;

    /** The limit the login reached. */
    private final int maxSessions;

    /**
     * @param principal   whose login was refused, for the log
     * @param maxSessions the limit it reached
     */
    public TooManySessionsException(String principal, int maxSessions) {
        super("'" + principal + "' already has " + maxSessions + " sessions, as many as "
                + ConfigKeys.MAX_SESSIONS_PER_PRINCIPAL + " allows; the login was refused", null);
        this.maxSessions = maxSessions;
    }

    /** {@return the most sessions one principal may have} */
    public int maxSessions() {
        return maxSessions;
    }
}
