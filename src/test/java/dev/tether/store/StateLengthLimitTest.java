package dev.tether.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tether.config.StoreKind;
import dev.tether.spi.SessionChanges.BeanWrite;
import dev.tether.support.db.RunsOnEveryDatabase;
import dev.tether.support.db.TestDatabase;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionStore;
import dev.tether.spi.StoredBean;
import dev.tether.spi.StoredSession;

/**
 * A store built with a per-bean limit measures each stored state in the database and fetches the bytes of those
 * within the limit only: a state that grew past it (a lowered limit, a row written by other means) comes back as
 * its length alone, on every load path of both stores, on every database.
 */
@RunsOnEveryDatabase
class StateLengthLimitTest {

    private static final long NOW = 1_000_000;
    private static final int LIMIT = 1000;

    private final DataSource database = TestDatabase.selected().newDatabase();
    private SqlSessionStore limited;

    @BeforeEach
    void storeOneSmallAndOneLargeBean() throws SQLException {
        SchemaInstaller.ensureSchema(database);
        SessionStores.jdbc(database).save(SessionChanges.creating(session(), List.of(
                new BeanWrite("small", "java", filled(LIMIT), 0, true),
                new BeanWrite("large", "java", filled(LIMIT + 1), 0, true))));
    }

    @AfterEach
    void close() throws Exception {
        if (limited != null) {
            limited.close();
        }
        if (database instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    @Test
    void theJdbcStoreFetchesOnlyTheBytesWithinTheLimit() {
        limited = SessionStores.start(database, StoreKind.JDBC, true, LIMIT, false,
                SessionStores.TOOL_TIMEOUT_SECONDS);
        expectLimitApplied(limited);
    }

    @Test
    void theJpaStoreFetchesOnlyTheBytesWithinTheLimit() {
        limited = SessionStores.start(database, StoreKind.JPA, true, LIMIT, false,
                SessionStores.TOOL_TIMEOUT_SECONDS);
        expectLimitApplied(limited);
    }

    @Test
    void aStoreWithoutALimitFetchesEveryStateAndMeasuresItsBytes() {
        StoredSession loaded = SessionStores.jdbc(database).load("hash", NOW).orElseThrow();

        assertThat(loaded.beans().get("large").state()).isEqualTo(filled(LIMIT + 1));
        assertThat(loaded.beans().get("large").size()).isEqualTo(LIMIT + 1);
    }

    private void expectLimitApplied(SessionStore store) {
        List<Function<SessionStore, Optional<StoredSession>>> loads = List.of(
                s -> s.load("hash", NOW),
                s -> s.loadByPk("pk"),
                s -> s.lockAndLoad("hash", NOW, 1000).map(locked -> {
                    locked.close();
                    return locked.session();
                }));
        for (Function<SessionStore, Optional<StoredSession>> load : loads) {
            StoredSession loaded = load.apply(store).orElseThrow();

            StoredBean small = loaded.beans().get("small");
            assertThat(small.state()).isEqualTo(filled(LIMIT));
            assertThat(small.size()).isEqualTo(LIMIT);
            StoredBean large = loaded.beans().get("large");
            assertThat(large.state()).as("bytes over the limit are not fetched").isNull();
            assertThat(large.size()).isEqualTo(LIMIT + 1);
            assertThat(large.version()).isEqualTo(1);
        }
    }

    private static SessionRow session() {
        return new SessionRow("pk", "hash", NOW - 10, NOW - 10, NOW + 60_000, 60_000, NOW + 600_000,
                Optional.empty());
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 7);
        return bytes;
    }
}
