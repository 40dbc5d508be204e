package dev.tether.context;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tether.SessionIdChanged;
import dev.tether.config.TetherSettings;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionUpdate;
import dev.tether.spi.SessionUpdate.Identity;
import dev.tether.spi.SessionUpdate.Timeouts;

/**
 * The session's own data as one unit of work sees it (ID, principal, timeouts) and the rules that change it: a
 * login or logout gives a stored session a new ID, the application's own {@code setPrincipal} wins over the
 * caller the container reports, a request that changes nothing records its access only now and then. Knows
 * neither the container nor the database: it says what to write, and writes only what changed.
 */
final class SessionState {

    private static final Logger LOG = Logger.getLogger(SessionState.class.getName());

    private final SessionRow stored;
    private final boolean rotateOnLogin;
    private String id;
    private Optional<String> principal;
    private final long createdAt;
    private final long lastAccessedAt;
    private long idleTimeoutMillis;
    private long absoluteExpiresAt;
    private boolean idChanged;
    private boolean principalChanged;
    private boolean principalSetByApplication;
    private boolean timeoutsChanged;
    private boolean mustStore;

    private SessionState(SessionRow stored, String id, boolean rotateOnLogin, Optional<String> principal,
                         long createdAt, long lastAccessedAt, long idleTimeoutMillis, long absoluteExpiresAt) {
        this.stored = stored;
        this.id = id;
        this.rotateOnLogin = rotateOnLogin;
        this.principal = principal;
        this.createdAt = createdAt;
        this.lastAccessedAt = lastAccessedAt;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.absoluteExpiresAt = absoluteExpiresAt;
    }

    /** A stored session, found by the ID the client presented ({@code null} when found by its key). */
    static SessionState stored(SessionRow row, String presentedId, boolean rotateOnLogin) {
        return new SessionState(row, presentedId, rotateOnLogin, row.principal(), row.createdAt(),
                row.lastAccessedAt(), row.idleTimeoutMillis(), row.absoluteExpiresAt());
    }

    /** A new session: its ID (never one the client presented) is allocated only when it must be handed out. */
    static SessionState fresh(long now, Duration idleTimeout, Duration absoluteTimeout, boolean rotateOnLogin) {
        return new SessionState(null, null, rotateOnLogin, Optional.empty(), now, now, idleTimeout.toMillis(),
                now + absoluteTimeout.toMillis());
    }

    /** A new session on the configured timeouts. */
    static SessionState fresh(long now, TetherSettings settings) {
        return fresh(now, settings.idleTimeout(), settings.absoluteTimeout(), settings.rotateOnLogin());
    }

    boolean isStored() {
        return stored != null;
    }

    /** The ID to hand to the client; a new session gets one now and is then stored even if no bean changes. */
    String id() {
        if (id == null) {
            id = SessionIds.generate();
            mustStore = true;
        }
        return id;
    }

    /** The ID as far as one exists, for log lines; {@code null} for a new session that has none yet. */
    String idForLog() {
        return id;
    }

    String rotateId() {
        newId();
        mustStore = true;
        return id;
    }

    private void newId() {
        id = SessionIds.generate();
        idChanged = true;
    }

    Optional<String> principal() {
        return principal;
    }

    /** The application's own login or logout: it sticks, whatever the container reports of the caller. */
    void setPrincipal(String name) {
        changePrincipal(Optional.ofNullable(name));
        principalSetByApplication = true;
        mustStore = true;
    }

    /**
     * Follows the user the container authenticated, unless the application set the principal itself in this
     * unit. {@code null} (an anonymous caller) leaves the principal alone: the application may keep its own
     * login in the session. A caller that cannot be asked (no security context here) counts as anonymous.
     */
    void followCaller(Supplier<String> caller) {
        String name;
        try {
            name = caller.get();
        } catch (RuntimeException unknown) {
            LOG.log(Level.FINE, "Tether: the caller of this unit of work cannot be asked", unknown);
            return;
        }
        if (name != null && !principalSetByApplication) {
            changePrincipal(Optional.of(name));
        }
    }

    /** A different principal is a login (or logout), after which the old ID must be worthless. */
    private void changePrincipal(Optional<String> next) {
        if (next.equals(principal)) {
            return;
        }
        principal = next;
        principalChanged = true;
        if (rotateOnLogin && stored != null && !idChanged) {
            newId();
        }
    }

    void setIdleTimeout(Duration timeout) {
        idleTimeoutMillis = positive(timeout).toMillis();
        timeoutsChanged = true;
    }

    void setAbsoluteTimeout(Duration timeout) {
        absoluteExpiresAt = createdAt + positive(timeout).toMillis();
        timeoutsChanged = true;
    }

    private static Duration positive(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a session timeout must be a positive duration, not " + timeout);
        }
        return timeout;
    }

    Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    Instant lastAccessedAt() {
        return Instant.ofEpochMilli(lastAccessedAt);
    }

    Instant expiresAt(long now) {
        return Instant.ofEpochMilli(timeouts().expiresAt(Math.max(lastAccessedAt, now)));
    }

    /** Whether a new session must be stored although none of its beans differs from a fresh one. */
    boolean mustStore() {
        return mustStore;
    }

    boolean idChanged() {
        return idChanged;
    }

    /** What gave the session its new ID: a new principal, whether its own rule or the application rotated it. */
    SessionIdChanged.Cause idChangeCause() {
        return principalChanged ? SessionIdChanged.Cause.PRINCIPAL_CHANGED : SessionIdChanged.Cause.ROTATED;
    }

    /** The stored row as {@code update} leaves it: for the events that follow the write. */
    SessionRow rowAfter(SessionUpdate update) {
        long accessed = update.accessedAt() >= 0 ? update.accessedAt() : lastAccessedAt;
        return new SessionRow(stored.pk(), SessionIds.hash(id), createdAt, accessed, timeouts().expiresAt(accessed),
                idleTimeoutMillis, absoluteExpiresAt, principal);
    }

    /** The row of a new session, accessed at {@code now}. */
    SessionRow newRow(String pk, long now) {
        return new SessionRow(pk, SessionIds.hash(id()), createdAt, now, timeouts().expiresAt(now),
                idleTimeoutMillis, absoluteExpiresAt, principal);
    }

    /**
     * What to write to the stored row: the ID and principal if they changed, the timeouts if they changed, and
     * the access time when the row is written anyway or the last recorded access is a touch interval old.
     */
    SessionUpdate update(long now, long touchIntervalMillis) {
        Identity loaded = new Identity(stored.idHash(), stored.principal());
        Identity changedTo = idChanged || principalChanged ? new Identity(SessionIds.hash(id), principal) : null;
        boolean touchDue = now - lastAccessedAt >= touchIntervalMillis;
        if (changedTo == null && !timeoutsChanged && !touchDue) {
            return SessionUpdate.none(stored.pk(), loaded, now);
        }
        return new SessionUpdate(stored.pk(), loaded, changedTo, timeoutsChanged ? timeouts() : null, now, now);
    }

    private Timeouts timeouts() {
        return new Timeouts(idleTimeoutMillis, absoluteExpiresAt);
    }
}
