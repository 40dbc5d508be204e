package dev.tether.monitoring;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
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

    private final Instance<MeterRegistry> registries;
    /** Micrometer holds the object a function meter reads only weakly; this bean, in the application context, keeps it. */
    private final PersistentSessions sessions;

    @Inject
    MicrometerMeters(Instance<MeterRegistry> registries, PersistentSessions sessions) {
        this.registries = registries;
        this.sessions = sessions;
    }

    void publishWithApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
        if (registries.isResolvable()) {
            publishTo(registries.get());
        }
    }

    void publishTo(MeterRegistry registry) {
        for (PublishedFigures.Count count : PublishedFigures.COUNTS) {
            FunctionCounter.builder(count.name(), sessions, s -> count.value().applyAsLong(s.statistics()))
                    .description(count.description()).baseUnit(count.unit()).register(registry);
        }
        for (PublishedFigures.Timing timing : PublishedFigures.TIMINGS) {
            FunctionTimer.builder(timing.name(), sessions, s -> timing.count().applyAsLong(s.statistics()),
                            s -> timing.total().apply(s.statistics()).toNanos(), TimeUnit.NANOSECONDS)
                    .description(timing.description()).register(registry);
        }
    }
}
