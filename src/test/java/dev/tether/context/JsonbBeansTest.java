package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.fixtures.jsonb.QuickStartCart;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/** A bean stored as JSON-B gets its fields back in the container's instance, final ones included. */
@EnableWeld
class JsonbBeansTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(QuickStartCart.class);

    @Inject
    Units units;
    @Inject
    QuickStartCart cart;

    @Test
    void theQuickStartCartStoredAsJsonbKeepsItsItemsFromOneUnitToTheNext() {
        String id = units.run(null, () -> {
            cart.add("tea");
            return null;
        }).sentId();

        units.run(id, () -> {
            cart.add("milk");
            return null;
        });

        assertThat(units.run(id, () -> cart.getItems()).value()).containsExactly("tea", "milk");
    }
}
