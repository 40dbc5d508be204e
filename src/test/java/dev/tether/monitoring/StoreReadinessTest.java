package dev.tether.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

import dev.tether.support.CapturedLog;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;

/**
 * The readiness check follows the database: UP, DOWN while it is gone, UP again once it is back; what it tells a
 * stranger is a fixed reason and an incident reference, the details are in the log once.
 */
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
                assertThat(data.get("reason")).isEqualTo("database unreachable"));
        assertThat(after.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void theAnswerCarriesAFixedReasonAndAnIncidentNeverTheDatabasesText() {
        readiness();
        storage.databaseDown(true);

        HealthCheckResponse during = readiness();

        assertThat(during.getData()).hasValueSatisfying(data -> {
            assertThat(data).containsOnlyKeys("reason", "incident");
            assertThat(data.get("incident")).asString().matches("[0-9a-f]{8}");
            assertThat(data.values()).noneSatisfy(value -> assertThat(value).asString().containsIgnoringCase("refused"));
        });
    }

    @Test
    void theDetailsAreLoggedOnceAnOutageUnderTheIncidentTheAnswerGives() {
        readiness();
        storage.databaseDown(true);

        try (CapturedLog log = CapturedLog.of("dev.tether")) {
            HealthCheckResponse first = readiness();
            HealthCheckResponse second = readiness();
            HealthCheckResponse third = readiness();

            Object incident = first.getData().orElseThrow().get("incident");
            assertThat(List.of(second, third)).allSatisfy(later ->
                    assertThat(later.getData().orElseThrow().get("incident")).isEqualTo(incident));
            assertThat(log.warnings()).singleElement().asString()
                    .contains("incident " + incident).contains("simulated outage");
        }
    }

    @Test
    void isTheOnlyReadinessCheckTetherAdds() {
        assertThat(checks.select(Any.Literal.INSTANCE).stream()).hasSize(1);
    }

    private HealthCheckResponse readiness() {
        return checks.get().call();
    }
}
