package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.ConfigKeys;
import dev.tether.SessionTooLargeException;
import dev.tether.spi.SessionRow;
import dev.tether.spi.StoredBean;
import dev.tether.spi.StoredSession;
import dev.tether.support.SystemSettings;
import dev.tether.support.TetherWeld;

/** What write-back sends to the store, planned from the unit's encoded beans and its session state; no I/O. */
@EnableWeld
class WritePlanTest {

    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of(ConfigKeys.MAX_BEAN_BYTES, "1KB"));

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    SessionUnits units;

    private static final byte[] AS_CREATED = {1, 2, 3};

    @Test
    void aNewSessionWhoseBeansAreAsCreatedStoresNothingAndSendsNoId() {
        WritePlan plan = plan(List.of(encoded("cart", AS_CREATED.clone(), AS_CREATED, false)), null, fresh(), false);

        assertThat(plan.changes()).isNull();
        assertThat(plan.result()).isEqualTo(WriteBack.NOTHING);
    }

    @Test
    void aNewSessionWithAChangedBeanIsCreatedWithItAndItsIdIsSent() {
        SessionState fresh = fresh();

        WritePlan plan = plan(List.of(encoded("cart", new byte[] {9}, AS_CREATED, false)), null, fresh, false);

        assertThat(plan.changes().created()).isNotNull();
        assertThat(plan.changes().inserts()).extracting(write -> write.key()).containsExactly("cart");
        assertThat(plan.result().idToSend()).contains(fresh.id());
    }

    @Test
    void aClientWhoseSessionThisUnitEndedIsToldToForgetItsId() {
        WritePlan plan = plan(List.of(), null, fresh(), true);

        assertThat(plan.changes()).isNull();
        assertThat(plan.result()).isEqualTo(WriteBack.EXPIRE);
    }

    @Test
    void aBeanOverItsLimitIsRefusedWhileThePlanIsMadeBeforeAnythingIsStored() {
        byte[] large = new byte[2048];

        assertThatThrownBy(() -> plan(List.of(encoded("cart", large, AS_CREATED, false)), null, fresh(), false))
                .isInstanceOf(SessionTooLargeException.class)
                .hasMessageContaining(ConfigKeys.MAX_BEAN_BYTES);
    }

    @Test
    void aStoredSessionWhoseBeansDidNotChangeWritesOnlyItsTouchWhenOneIsDue() {
        long now = units.runtime().now();
        SessionRow row = new SessionRow("pk", "hash", now - 86_400_000, now - 86_400_000, now + 60_000, 3_600_000,
                now + 600_000_000, Optional.empty());
        StoredSession stored = new StoredSession(row, Map.of("cart", new StoredBean("cart", "java", AS_CREATED, 4, 3)));
        SessionState state = SessionState.stored(row, "id", true);

        WritePlan plan = plan(List.of(encoded("cart", AS_CREATED.clone(), AS_CREATED, true)), stored, state, false);

        assertThat(plan.changes().updated().accessedAt()).isEqualTo(now);
        assertThat(plan.changes().inserts()).isEmpty();
        assertThat(plan.changes().updates()).isEmpty();
        assertThat(plan.result()).isEqualTo(WriteBack.NOTHING);
    }

    private WritePlan plan(List<ChangeSet.Encoded> encoded, StoredSession stored, SessionState state,
                           boolean invalidated) {
        return WritePlan.of(units.runtime(), encoded, Map.of(), stored, state, invalidated);
    }

    private SessionState fresh() {
        return SessionState.fresh(units.runtime().now(), units.runtime().settings());
    }

    private static ChangeSet.Encoded encoded(String key, byte[] now, byte[] asLoaded, boolean hasRow) {
        return new ChangeSet.Encoded(key, "java", now, asLoaded, hasRow ? 4 : 0, hasRow);
    }
}
