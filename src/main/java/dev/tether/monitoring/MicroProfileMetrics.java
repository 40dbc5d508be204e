package dev.tether.monitoring;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import dev.tether.PersistentSessions;

/**
 * Publishes {@link PublishedFigures} to the application's MicroProfile Metrics registry (Payara's {@code /metrics}).
 * MicroProfile Metrics 5 has no counter over a function, so each figure is a gauge read from
 * {@link PersistentSessions#statistics()} at each scrape, named as Micrometer's Prometheus output names it: a series
 * has the same name on every server. Added only where the API is visible; without a registry bean it does nothing.
 */
@ApplicationScoped
class MicroProfileMetrics {

    private static final Logger LOG = Logger.getLogger(MicroProfileMetrics.class.getName());

    private final Instance<MetricRegistry> registries;
    private final PersistentSessions sessions;

    @Inject
    MicroProfileMetrics(Instance<MetricRegistry> registries, PersistentSessions sessions) {
        this.registries = registries;
        this.sessions = sessions;
    }

    void publishWithApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
        if (registries.isResolvable()) {
            publishTo(registries.get());
            LOG.info("Tether: its figures are published through MicroProfile Metrics, as the tether_* series");
        } else {
            LOG.fine("Tether: MicroProfile Metrics is visible, but the application has no registry bean");
        }
    }

    void publishTo(MetricRegistry registry) {
        for (PublishedFigures.Count count : PublishedFigures.COUNTS) {
            registry.gauge(metadata(count.name() + ".total", count.description()), sessions,
                    s -> count.value().applyAsLong(s.statistics()));
        }
        for (PublishedFigures.Timing timing : PublishedFigures.TIMINGS) {
            registry.gauge(metadata(timing.name() + ".seconds.count", timing.description()), sessions,
                    s -> timing.count().applyAsLong(s.statistics()));
            registry.gauge(metadata(timing.name() + ".seconds.sum", "the time taken by " + timing.description()),
                    sessions, s -> timing.total().apply(s.statistics()).toNanos() / 1e9);
        }
    }

    private static Metadata metadata(String dottedName, String description) {
        return Metadata.builder().withName(dottedName.replace('.', '_')).withDescription(description).build();
    }
}
