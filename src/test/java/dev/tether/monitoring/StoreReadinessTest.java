package dev.tether.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;

/** The readiness check follows the database: UP, DOWN while it is gone, UP again once it is back. */
@EnableWeld
class StoreReadinessTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    @Readiness
    Instance<HealthCheck> checks;
    @Inject
    TestStorage storage;

    @AfterEach
    void endOutage() {
        storage.databaseDown(false);
    }

    @Test
    void isUpWhenTheDatabaseAnswers() {
        HealthCheckResponse response = readiness();

        assertThat(response.getName()).isEqualTo("tether-session-store");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void isDownWithTheReasonWhileTheDatabaseIsGoneAndUpOnceItIsBack() {
        readiness();
        storage.databaseDown(true);

        HealthCheckResponse during = readiness();
        storage.databaseDown(false);
        HealthCheckResponse after = readiness();

        assertThat(during.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(during.getData()).hasValueSatisfying(data ->
                assertThat(data.get("reason")).asString().contains("simulated outage"));
        assertThat(after.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void isTheOnlyReadinessCheckTetherAdds() {
        assertThat(checks.select(Any.Literal.INSTANCE).stream()).hasSize(1);
    }

    private HealthCheckResponse readiness() {
        return checks.get().call();
    }
}
