package dev.tether.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.ConfigKeys;
import dev.tether.PersistentSession;
import dev.tether.context.WriteBack;
import dev.tether.fixtures.Basket;
import dev.tether.support.SystemSettings;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/** tether.rotate-on-login=false: the application rotates itself, or not at all. */
@EnableWeld
class RotateOnLoginOffTest {

    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of(ConfigKeys.ROTATE_ON_LOGIN, "false"));

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    Basket basket;
    @Inject
    PersistentSession session;

    @Test
    void setPrincipalKeepsTheId() {
        String id = units.run(null, () -> basket.setFoo("x")).idToSend().orElseThrow();

        WriteBack login = units.run(id, () -> session.setPrincipal("alice"));

        assertThat(login.idToSend()).isEmpty();
        assertThat(units.run(id, () -> session.principal()).value()).contains("alice");
    }
}
