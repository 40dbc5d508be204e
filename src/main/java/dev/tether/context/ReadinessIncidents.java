package dev.tether.context;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tether.store.ProbeFailure;

/**
 * Turns what a readiness probe found into what it may show, and logs the details once per outage: a probe runs every
 * few seconds, and an outage of an hour must not write a thousand stack traces. An outage keeps its incident
 * reference for as long as its reason stays the same; another reason is another incident.
 */
final class ReadinessIncidents {

    private static final Logger LOG = Logger.getLogger(ReadinessIncidents.class.getName());

    private StoreNotReady current;

    synchronized Optional<StoreNotReady> report(Optional<ProbeFailure> found) {
        if (found.isEmpty()) {
            if (current != null) {
                LOG.info("Tether: the session store is ready again (incident " + current.incident() + " is over)");
                current = null;
            }
            return Optional.empty();
        }
        ProbeFailure failure = found.get();
        if (current == null || !current.reason().equals(failure.reason())) {
            current = new StoreNotReady(failure.reason(), String.format("%08x", ThreadLocalRandom.current().nextInt()));
            LOG.log(Level.WARNING, failure.detail(), () -> "Tether: the session store is not ready: "
                    + current.reason() + " (incident " + current.incident() + "): " + failure.detail());
        }
        return Optional.of(current);
    }
}
