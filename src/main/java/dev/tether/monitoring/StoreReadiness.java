package dev.tether.monitoring;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.tether.context.SessionUnits;

/**
 * MicroProfile Health readiness: UP when the session store is started (its schema created or checked) and the
 * database answers one cheap query on Tether's session table; DOWN otherwise, with a reason of a few fixed words and
 * the incident reference under which the log has the details. Payara serves {@code /health/ready} to anyone on the
 * application's own port, so the answer never carries the database's text (hosts, users, "password authentication
 * failed"); and a probe never starts the store nor runs DDL, whatever its rate. A node whose database
 * is gone answers 503 to every request that uses a persistent bean, so it should get no traffic until it is back.
 * Added only where the MicroProfile Health API is visible to the application. WildFly's health subsystem finds it
 * only because the jar is a bean archive of the deployment ({@code META-INF/beans.xml}, which scans nothing): the
 * beans an extension adds from a jar without one land in an archive WildFly's health subsystem cannot see.
 */
@Readiness
@ApplicationScoped
class StoreReadiness implements HealthCheck {

    static final String NAME = "tether-session-store";

    private final SessionUnits units;

    @Inject
    StoreReadiness(SessionUnits units) {
        this.units = units;
    }

    @Override
    public HealthCheckResponse call() {
        return units.storeReadiness()
                .map(notReady -> new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.of(
                        Map.<String, Object>of("reason", notReady.reason(), "incident", notReady.incident()))))
                .orElseGet(() -> new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.empty()));
    }
}
