package dev.tether.monitoring;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

import dev.tether.config.ConfigSource;
import dev.tether.config.TetherSettings;

/**
 * Adds Tether's metrics bridges and readiness check, those whose API the application can see and the settings ask
 * for ({@link MonitoringBeans}). Its own extension, so that the context knows nothing of monitoring: monitoring
 * reads the context's figures, never the other way round.
 */
public class MonitoringExtension implements Extension {

    void addMonitoringBeans(@Observes BeforeBeanDiscovery event, BeanManager manager) {
        ConfigSource config = ConfigSource.detect();
        for (Class<?> type : MonitoringBeans.visibleTo(MonitoringExtension.class.getClassLoader(),
                TetherSettings.publishesMetrics(config), TetherSettings.addsReadinessCheck(config))) {
            event.addAnnotatedType(manager.createAnnotatedType(type), "tether:" + type.getName());
        }
    }
}
