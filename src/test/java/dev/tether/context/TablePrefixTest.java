package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.PersistentSessions;
import dev.tether.PurgeResult;
import dev.tether.fixtures.Basket;
import dev.tether.support.SystemSettings;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/** A deployment with {@code tether.table-prefix} keeps its sessions in the prefixed tables, from write to purge. */
@EnableWeld
@RunsOnEveryDatabase
class TablePrefixTest {

    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of(
            "tether.table-prefix", "shop_", "tether.idle-timeout", "PT30M"));

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    Basket basket;
    @Inject
    PersistentSessions sessions;
    @Inject
    TestStorage storage;

    @Test
    void sessionsAreWrittenReadAndPurgedInThePrefixedTables() throws SQLException {
        String id = units.run(null, () -> basket.setFoo("socks")).idToSend().orElseThrow();

        assertThat(units.run(id, () -> basket.getFoo()).value()).isEqualTo("socks");
        assertThat(count("shop_session")).isEqualTo(1);
        assertThat(count("shop_bean")).isEqualTo(1);

        storage.clockControl().advance(Duration.ofMinutes(31));
        PurgeResult purged = sessions.purgeExpired();

        assertThat(purged.ranHere()).isTrue();
        assertThat(purged.sessions()).isEqualTo(1);
        assertThat(count("shop_session")).isZero();
        assertThat(count("shop_lease WHERE lease_name = 'purge'")).isEqualTo(1);
    }

    private long count(String tableAndWhere) throws SQLException {
        try (Connection c = storage.uncounted().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + tableAndWhere)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
