package dev.tether.it;

import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.support.db.PostgresqlServer;
import dev.tether.it.support.Client;
import dev.tether.it.support.KnownSequence;
import dev.tether.it.support.OwnPostgresql;
import dev.tether.it.support.ReadinessUnderOutage;
import dev.tether.it.support.Wars;
/**
 * On Payara Micro as it ships (MicroProfile Metrics and Health on its HTTP port): Tether's figures on the server's own
 * {@code /metrics} endpoint, exact after a known sequence of requests, and Tether's readiness check in
 * {@code /health/ready} following a PostgreSQL the test stops and starts again under the running server. The
 * application reaches that database through a {@code @SessionStorage} data source of its own, the other way an
 * application brings its database ({@link WebXmlDataSourceIT} shows the {@code web.xml} one).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "payara", disabledReason = "Payara's own endpoints")
class MonitoringOnPayaraIT {

    private static final int DATABASE_PORT = Integer.getInteger("it.monitoring.postgresql.port", 15435);
    private static final OwnPostgresql DATABASE = new OwnPostgresql(DATABASE_PORT,
            Path.of("target", "monitoring-postgresql-payara"));
    private static final ReadinessUnderOutage OUTAGE = new ReadinessUnderOutage(DATABASE);

    /** The database starts here, before the server deploys the application. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        PostgresqlServer database = DATABASE.start();
        return Wars.appWithOwnPostgresqlStorage("monitored", database.jdbcUrl(), database.user());
    }

    @AfterAll
    static void stopDatabase() {
        DATABASE.stopAndDelete();
    }

    @ArquillianResource
    URL base;

    @Test
    @Order(1)
    void theMetricsEndpointShowsExactFiguresAfterAKnownSequenceOfRequests() {
        Client browser = new Client(base);
        KnownSequence.run(browser);

        String metrics = server().get("metrics").body();

        KnownSequence.assertFiguresOfOneRun(metrics);
    }

    @Test
    @Order(2)
    void readinessIsUpThenDownWhileTheDatabaseIsStoppedThenUpAgain() {
        OUTAGE.assertCheckFollowsTheDatabase(() -> server().get("health/ready"));
    }

    /** A client of the server's root, where Payara serves its endpoints. */
    private Client server() {
        try {
            return new Client(base.toURI().resolve("/").toURL());
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
