package dev.tether.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tether.ConfigKeys;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;

/**
 * {@code tether.metrics.enabled} and {@code tether.health.enabled} decide whether Tether's metrics bridges and its
 * readiness check exist at all; both APIs are on this class path, so each is there unless its switch is off.
 */
class MonitoringSwitchesTest {

    @AfterEach
    void clearSettings() {
        System.clearProperty(ConfigKeys.METRICS_ENABLED);
        System.clearProperty(ConfigKeys.HEALTH_ENABLED);
    }

    @Test
    void byDefaultTheMetricsBridgeAndTheReadinessCheckAreBeans() {
        try (WeldContainer container = boot()) {
            assertThat(isBean(container, MicrometerMeters.class)).isTrue();
            assertThat(isBean(container, StoreReadiness.class)).isTrue();
        }
    }

    @Test
    void metricsOffLeavesNoMetricsBridgeButTheReadinessCheck() {
        System.setProperty(ConfigKeys.METRICS_ENABLED, "false");

        try (WeldContainer container = boot()) {
            assertThat(isBean(container, MicrometerMeters.class)).isFalse();
            assertThat(isBean(container, StoreReadiness.class)).isTrue();
        }
    }

    @Test
    void healthOffLeavesNoReadinessCheckButTheMetricsBridge() {
        System.setProperty(ConfigKeys.HEALTH_ENABLED, "false");

        try (WeldContainer container = boot()) {
            assertThat(isBean(container, MicrometerMeters.class)).isTrue();
            assertThat(isBean(container, StoreReadiness.class)).isFalse();
        }
    }

    @Test
    void aSwitchThatDoesNotParseFailsTheDeploymentNamingTheKey() {
        System.setProperty(ConfigKeys.HEALTH_ENABLED, "sometimes");
        Weld weld = TetherWeld.bare(TestStorage.class);

        assertThatThrownBy(weld::initialize).hasStackTraceContaining("tether.health.enabled=sometimes");
    }

    private static WeldContainer boot() {
        return TetherWeld.bare(TestStorage.class, MicrometerMetersTest.Registry.class).initialize();
    }

    private static boolean isBean(WeldContainer container, Class<?> type) {
        BeanManager manager = container.getBeanManager();
        // any qualifier: the readiness check is @Readiness, not @Default
        return manager.getBeans(type, Any.Literal.INSTANCE).stream().anyMatch(bean -> bean.getBeanClass() == type);
    }
}
