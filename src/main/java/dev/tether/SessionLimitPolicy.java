package dev.tether;

/**
 * What a login does when its principal already has {@code tether.max-sessions-per-principal} sessions
 * ({@code tether.max-sessions-policy}).
 */
public enum SessionLimitPolicy {

    /**
     * The principal's oldest sessions end to make room for the new login, as if logged out elsewhere: their clients
     * get fresh sessions, and observers see {@link SessionEnded.Reason#PRINCIPAL_LIMIT}. The default.
     */
    END_OLDEST,

    /**
     * The new login is refused with {@link TooManySessionsException} ({@code 409} over HTTP) and nothing of its unit
     * of work is stored; the principal's sessions stay as they are.
     */
    REFUSE
}
