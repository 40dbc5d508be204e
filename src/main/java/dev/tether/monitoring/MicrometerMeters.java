package dev.tether.monitoring;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import dev.tether.PersistentSessions;

/**
 * Publishes {@link PublishedFigures} to the application's Micrometer {@link MeterRegistry} (WildFly's micrometer
 * subsystem gives each deployment one), as function counters and timers read from
 * {@link PersistentSessions#statistics()} at each scrape, so nothing is counted twice. Added only where Micrometer is
 * visible to the application; without a registry bean it does nothing.
 */
@ApplicationScoped
class MicrometerMeters {

    private static final Logger LOG = Logger.getLogger(MicrometerMeters.class.getName());

    private final Instance<MeterRegistry> registries;
    /** Micrometer holds the object a function meter reads only weakly; this bean, application scoped, keeps it. */
    private final PersistentSessions sessions;

    @Inject
    MicrometerMeters(Instance<MeterRegistry> registries, PersistentSessions sessions) {
        this.registries = registries;
        this.sessions = sessions;
    }

    void publishWithApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
        if (registries.isResolvable()) {
            publishTo(registries.get());
            LOG.info("Tether: its figures are published through Micrometer, as the tether_* series");
        } else {
            LOG.fine("Tether: Micrometer is visible, but the application has no registry bean");
        }
    }

    /**
     * Through the registry's own methods rather than the meter builders: WildFly's registry for a deployment passes
     * on to the server's registries (and so to its endpoints) only what comes through these.
     */
    void publishTo(MeterRegistry registry) {
        for (PublishedFigures.Count count : PublishedFigures.COUNTS) {
            registry.more().counter(count.name(), List.of(), sessions,
                    s -> count.value().applyAsLong(s.statistics()));
        }
        for (PublishedFigures.Timing timing : PublishedFigures.TIMINGS) {
            registry.more().timer(timing.name(), List.of(), sessions, s -> timing.count().applyAsLong(s.statistics()),
                    s -> timing.total().apply(s.statistics()).toNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
