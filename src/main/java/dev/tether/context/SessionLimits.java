package dev.tether.context;

import java.util.Optional;

import dev.tether.SessionLimitPolicy;
import dev.tether.TooManySessionsException;
import dev.tether.config.SessionLimit;
import dev.tether.spi.PrincipalLimit;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionUpdate;

/**
 * {@code tether.max-sessions-per-principal} as units of work meet it: the limit a login's write must keep (the store
 * keeps it, in the write's transaction), and an early refusal where the application sets the principal itself, so
 * its login page can catch {@link TooManySessionsException} before it answers.
 */
final class SessionLimits {

    private final SessionRuntime runtime;

    SessionLimits(SessionRuntime runtime) {
        this.runtime = runtime;
    }

    /** The limit these changes must keep: when a limit is set and they give their session a new principal. */
    Optional<PrincipalLimit> of(SessionChanges changes) {
        return runtime.settings().sessionLimit().flatMap(limit -> loginIn(changes).map(principal ->
                new PrincipalLimit(principal, limit.maxPerPrincipal(), limit.policy(), runtime.now())));
    }

    /**
     * Refuses a login now that the {@code refuse} policy would refuse at write-back, as far as the store tells now; the
     * write-back checks again, under the lock that makes the limit hold.
     *
     * @param ownPk the stored session that is logging in, which does not count against its own login
     * @throws TooManySessionsException when the principal has as many other sessions as the limit allows
     */
    void refuseEarly(String principal, Optional<String> ownPk) {
        Optional<SessionLimit> limit = runtime.settings().sessionLimit()
                .filter(set -> set.policy() == SessionLimitPolicy.REFUSE);
        if (principal == null || limit.isEmpty()) {
            return;
        }
        long others = runtime.store().findByPrincipal(principal, runtime.now()).stream().map(SessionRow::pk)
                .filter(pk -> ownPk.filter(pk::equals).isEmpty()).count();
        if (others >= limit.get().maxPerPrincipal()) {
            throw new TooManySessionsException(principal, limit.get().maxPerPrincipal());
        }
    }

    /** The principal a write gives its session when the session did not have it: a login. */
    private static Optional<String> loginIn(SessionChanges changes) {
        if (changes.created() != null) {
            return changes.created().principal();
        }
        SessionUpdate update = changes.updated();
        if (update.identity() == null) {
            return Optional.empty();
        }
        return update.identity().principal().filter(principal -> !update.loaded().principal().equals(
                Optional.of(principal)));
    }
}
