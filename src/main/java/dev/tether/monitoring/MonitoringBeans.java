package dev.tether.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Tether's beans for the monitoring APIs the application can see. Each API is optional: a bean is named here only
 * by its class name and loaded only after its API has loaded, so the jar deploys alike on a server without them.
 */
final class MonitoringBeans {

    private static final Logger LOG = Logger.getLogger(MonitoringBeans.class.getName());

    /** Named, not referenced: a class literal would load the bean, and with it the API it implements. */
    private static final String PACKAGE = "dev.tether.monitoring.";

    private MonitoringBeans() {
    }

    /**
     * The beans whose API {@code loader} (the one that loaded Tether) can load, among those the settings ask for.
     *
     * @param metrics {@code tether.metrics.enabled}: the metrics bridges
     * @param health  {@code tether.health.enabled}: the readiness check
     */
    static List<Class<?>> visibleTo(ClassLoader loader, boolean metrics, boolean health) {
        List<Class<?>> beans = new ArrayList<>();
        if (metrics) {
            addWhenVisible(beans, loader, "io.micrometer.core.instrument.MeterRegistry",
                    PACKAGE + "MicrometerMeters");
            addWhenVisible(beans, loader, "org.eclipse.microprofile.metrics.MetricRegistry",
                    PACKAGE + "MicroProfileMetrics");
        }
        if (health) {
            addWhenVisible(beans, loader, "org.eclipse.microprofile.health.HealthCheck", PACKAGE + "StoreReadiness");
        }
        return beans;
    }

    private static void addWhenVisible(List<Class<?>> beans, ClassLoader loader, String api, String bean) {
        try {
            Class.forName(api, false, loader);
            beans.add(Class.forName(bean, false, loader));
        } catch (ClassNotFoundException | LinkageError notVisible) {
            LOG.fine(() -> "Tether: " + api + " is not visible to the application, so no " + bean);
        }
    }
}
