package dev.tether;

/**
 * One line of an account page's "where you are logged in", or of an operator's list: a session's metadata and
 * how much it stores, from {@link PersistentSessions#findSummariesByPrincipal}. It carries no session ID; end the
 * session by its {@link SessionInfo#handle() handle} with {@link PersistentSessions#invalidateByHandle}.
 *
 * @param session     the session's metadata: handle, created, last access, expiry, principal
 * @param beanCount   how many persistent beans it stores
 * @param storedBytes how large its stored state is: the bytes of all its beans together, as stored
 * @param current     whether it is the session of the unit of work that asked (the caller's own, "this device")
 */
public record SessionSummary(SessionInfo session, int beanCount, long storedBytes, boolean current) {
}
