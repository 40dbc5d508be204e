package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionUpdate;

/** The session's own rules, without a container or a database: what a unit writes to the session row. */
class SessionStateTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long LOADED_AT = 1_000_000;
    private final String id = SessionIds.generate();
    private final SessionRow row = new SessionRow("pk", SessionIds.hash(id), LOADED_AT - HOUR, LOADED_AT - 60_000,
            LOADED_AT + HOUR, 2 * HOUR, LOADED_AT + 10 * HOUR, Optional.of("alice"));

    private SessionState loaded() {
        return SessionState.stored(row, id, true);
    }

    @Test
    void aUnitThatChangesNothingBeforeTheTouchIsDueWritesNoColumn() {
        SessionUpdate update = loaded().update(LOADED_AT, 5 * 60_000);

        assertThat(update.writesRow()).isFalse();
    }

    @Test
    void aDueTouchWritesTheAccessTimeAndNothingElse() {
        SessionUpdate update = loaded().update(LOADED_AT, 30_000);

        assertThat(update.accessedAt()).isEqualTo(LOADED_AT);
        assertThat(update.identity()).isNull();
        assertThat(update.timeouts()).isNull();
    }

    @Test
    void aLoginRotatesTheIdAndWritesTheNewIdentityGuardedByTheLoadedOne() {
        SessionState state = loaded();

        state.setPrincipal("bob");
        SessionUpdate update = state.update(LOADED_AT, HOUR);

        assertThat(state.idChanged()).isTrue();
        assertThat(update.identity().principal()).contains("bob");
        assertThat(update.identity().idHash()).isEqualTo(SessionIds.hash(state.id())).isNotEqualTo(row.idHash());
        assertThat(update.loaded().idHash()).isEqualTo(row.idHash());
        assertThat(update.loaded().principal()).contains("alice");
    }

    @Test
    void theApplicationsLogoutWinsOverTheContainersCaller() {
        SessionState state = loaded();

        state.setPrincipal(null);
        state.followCaller(() -> "alice");

        assertThat(state.principal()).isEmpty();
    }

    @Test
    void theContainersCallerIsFollowedWhenTheApplicationSetNoPrincipal() {
        SessionState state = loaded();

        state.followCaller(() -> "carol");

        assertThat(state.principal()).contains("carol");
        assertThat(state.idChanged()).isTrue();
    }

    @Test
    void anAnonymousCallerLeavesThePrincipalAlone() {
        SessionState state = loaded();

        state.followCaller(() -> null);

        assertThat(state.principal()).contains("alice");
        assertThat(state.update(LOADED_AT, HOUR).writesRow()).isFalse();
    }

    @Test
    void newTimeoutsAreWrittenWithTheAccessTimeAndTheExpiryTheyGive() {
        SessionState state = loaded();

        state.setIdleTimeout(Duration.ofMinutes(30));
        SessionUpdate update = state.update(LOADED_AT, HOUR);

        assertThat(update.timeouts().idleTimeoutMillis()).isEqualTo(30 * 60_000);
        assertThat(update.accessedAt()).isEqualTo(LOADED_AT);
        assertThat(update.timeouts().expiresAt(LOADED_AT)).isEqualTo(LOADED_AT + 30 * 60_000);
        assertThat(update.identity()).isNull();
    }

    @Test
    void aFreshSessionHasNoIdUntilOneIsHandedOutAndThenMustBeStored() {
        SessionState state = SessionState.fresh(LOADED_AT, Duration.ofDays(7), Duration.ofDays(30), true);

        assertThat(state.idForLog()).isNull();
        assertThat(state.mustStore()).isFalse();
        String handedOut = state.id();

        assertThat(SessionIds.isWellFormed(handedOut)).isTrue();
        assertThat(state.mustStore()).isTrue();
        assertThat(state.newRow("pk", LOADED_AT).idHash()).isEqualTo(SessionIds.hash(handedOut));
    }
}
