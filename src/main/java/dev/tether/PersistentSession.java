package dev.tether;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The persistent session of the current unit of work (an HTTP request, or a {@link PersistentSessions#runInSession}
 * call). Inject it wherever you need the session itself rather than one of its beans.
 *
 * <pre>{@code
 * @Inject PersistentSession session;
 *
 * @POST @Path("login")
 * public void login(Credentials c) {
 *     session.setPrincipal(authenticate(c));
 *     session.rotateId();           // a new ID after a login: a planted ID is worthless
 * }
 * }</pre>
 *
 * <p>Every method needs an active unit of work and throws
 * {@link jakarta.enterprise.context.ContextNotActiveException} otherwise.
 */
public interface PersistentSession {

    /**
     * The session ID to hand to the client. For a new session this allocates the ID and marks the session
     * to be stored at the end of the unit of work, even if none of its beans changed.
     *
     * @return the session's current ID
     */
    String id();

    /**
     * Whether this unit of work started the session.
     *
     * @return {@code true} when the session was not found in the store and this unit of work started it
     */
    boolean isNew();

    /**
     * When the session was created.
     *
     * @return the moment of creation; for a new session, when this unit of work started it
     */
    Instant createdAt();

    /**
     * When the session was last used, as recorded: a request that changes nothing records its access at most once
     * per {@code tether.touch-interval}, so this is accurate to that interval.
     *
     * @return the last recorded access
     */
    Instant lastAccessedAt();

    /**
     * Ends the session: deletes it from the store and runs {@code @PreDestroy} of its beans. A later access
     * in the same unit of work starts a fresh session with a new ID.
     */
    void invalidate();

    /**
     * Gives the session a new ID and keeps its data; the old ID finds nothing from now on. Call it after
     * a login to defeat session fixation.
     *
     * @return the new ID
     */
    String rotateId();

    /**
     * When this session expires if it is not used again.
     *
     * @return the earlier of its idle and absolute expiry
     */
    Instant expiresAt();

    /**
     * Overrides {@code tether.idle-timeout} for this session, e.g. longer for "remember me".
     *
     * @param timeout how long the session may stay unused before it expires
     */
    void setIdleTimeout(Duration timeout);

    /**
     * Overrides {@code tether.absolute-timeout} for this session, counted from its creation.
     *
     * @param timeout the session's whole lifetime, however busy it is
     */
    void setAbsoluteTimeout(Duration timeout);

    /**
     * The name of the user this session belongs to.
     *
     * @return the principal, or empty if none was set
     */
    Optional<String> principal();

    /**
     * Records who the session belongs to, so that {@link PersistentSessions#findByPrincipal} finds it. With
     * {@code tether.rotate-on-login} (the default) a different principal also gives a stored session a new ID.
     *
     * @param principal the user's name, or {@code null} to log out
     */
    void setPrincipal(String principal);
}
