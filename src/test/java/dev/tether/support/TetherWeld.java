package dev.tether.support;

import java.util.ArrayList;
import java.util.List;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.WeldInitiator;

import dev.tether.context.TetherExtension;
import dev.tether.monitoring.MonitoringExtension;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.Counter;
import dev.tether.fixtures.Greeter;
import dev.tether.fixtures.Preferences;
import dev.tether.fixtures.Wallet;

/** A Weld SE container with the Tether extension, the test database ({@link TestStorage}) and the test beans. */
public final class TetherWeld {

    private TetherWeld() {
    }

    public static WeldInitiator withBeans(Class<?>... extra) {
        List<Class<?>> beans = new ArrayList<>(List.of(TestStorage.class, Units.class, Basket.class,
                Counter.class, Greeter.class, Preferences.class, Wallet.class));
        beans.addAll(List.of(extra));
        return WeldInitiator.from(bare(beans.toArray(Class<?>[]::new))).build();
    }

    /** Only the extension and the given classes: for deployments that must fail. */
    public static Weld bare(Class<?>... beans) {
        return WeldInitiator.createWeld().addExtension(new TetherExtension()).addExtension(new MonitoringExtension())
                .addBeanClasses(beans);
    }
}
