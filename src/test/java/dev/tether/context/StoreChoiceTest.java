package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.ConfigKeys;
import dev.tether.config.StoreKind;
import dev.tether.store.SqlSessionStore;
import dev.tether.support.TetherWeld;
import dev.tether.support.db.RunsOnEveryDatabase;

/** {@code tether.store} picks the store every other test of the run uses: the build runs them with both. */
@EnableWeld
@RunsOnEveryDatabase
class StoreChoiceTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    SessionUnits units;

    @Test
    void theConfiguredStoreIsTheOneInUse() {
        boolean jdbc = "jdbc".equals(System.getProperty(ConfigKeys.STORE));

        assertThat(((SqlSessionStore) units.runtime().store()).kind()).isEqualTo(jdbc ? StoreKind.JDBC : StoreKind.JPA);
    }
}
