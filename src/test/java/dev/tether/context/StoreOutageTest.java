package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tether.SessionStoreUnavailableException;
import dev.tether.fixtures.Basket;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/** A database that goes away is a clear failure, never lost data, and Tether recovers when it comes back. */
@EnableWeld
class StoreOutageTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    Basket basket;
    @Inject
    TestStorage storage;

    @AfterEach
    void endOutage() {
        storage.databaseDown(false);
    }

    @Test
    void loadingDuringAnOutageFailsAsUnavailable() {
        String id = units.run(null, () -> basket.setFoo("bar")).idToSend().orElseThrow();
        storage.databaseDown(true);

        assertThatThrownBy(() -> units.run(id, () -> basket.getFoo()))
                .isInstanceOf(SessionStoreUnavailableException.class);
    }

    @Test
    void aWriteDuringAnOutageFailsAsUnavailableAndKeepsTheStoredData() {
        String id = units.run(null, () -> basket.setFoo("before")).idToSend().orElseThrow();
        UnitOfWorkHandle unit = weld.select(SessionUnits.class).get().open(id);
        basket.setFoo("during the outage");
        storage.databaseDown(true);

        assertThatThrownBy(() -> weld.select(SessionUnits.class).get().close(unit))
                .isInstanceOf(SessionStoreUnavailableException.class);
        storage.databaseDown(false);
        assertThat(units.run(id, () -> basket.getFoo()).value()).isEqualTo("before");
    }

    @Test
    void theStoreRecoversByItselfWhenTheDatabaseComesBack() {
        String id = units.run(null, () -> basket.setFoo("bar")).idToSend().orElseThrow();
        storage.databaseDown(true);
        assertThatThrownBy(() -> units.run(id, () -> basket.getFoo()));

        storage.databaseDown(false);

        assertThat(units.run(id, () -> basket.getFoo()).value()).isEqualTo("bar");
    }
}
