package dev.tether.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.tether.it.app.Gate;
import dev.tether.it.app.NodeResource;
import dev.tether.support.db.PostgresqlServer;
import dev.tether.it.support.Client;
import dev.tether.it.support.KnownSequence;
import dev.tether.it.support.OwnPostgresql;
import dev.tether.it.support.ReadinessUnderOutage;
import dev.tether.it.support.Wars;
import dev.tether.it.support.WildFlyNode;

/**
 * On WildFly as its MicroProfile configuration ships ({@code standalone-microprofile.xml}), with the micrometer
 * subsystem added and its Prometheus registry on, as docs/monitoring.md tells operators: Tether's figures on the server's own
 * metrics endpoint, exact after a known sequence of requests, and Tether's readiness check in the management
 * interface's {@code /health/ready} following a PostgreSQL the test stops and starts again under the running server.
 * The test runs the server itself; the application reaches that database through a {@code @SessionStorage} data
 * source of its own, with no pool that would keep connections the stopped database broke.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(named = "wildfly.home", matches = ".+", disabledReason = "runs WildFly 39 servers of its own")
class MonitoringOnWildFlyIT {

    private static final String APP = "monitored";
    private static final int DATABASE_PORT = Integer.getInteger("it.monitoring.postgresql.port", 15435);
    private static final int OFFSET = Integer.getInteger("it.monitoring.offset", 1000);
    private static final OwnPostgresql DATABASE = new OwnPostgresql(DATABASE_PORT,
            Path.of("target", "monitoring-postgresql-wildfly"));
    private static final ReadinessUnderOutage OUTAGE = new ReadinessUnderOutage(DATABASE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * What an operator adds to {@code standalone-microprofile.xml} (docs/monitoring.md): the micrometer extension and
     * its subsystem with a Prometheus registry, served on the management interface at {@code /prometheus}.
     */
    static final WildFlyNode.Configuration MICROPROFILE_WITH_PROMETHEUS = new WildFlyNode.Configuration(
            "standalone-microprofile.xml",
            xml -> xml.replace("<extensions>",
                            "<extensions>\n        <extension module=\"org.wildfly.extension.micrometer\"/>")
                    .replace("<subsystem xmlns=\"urn:wildfly:microprofile-health-smallrye:",
                            "<subsystem xmlns=\"urn:wildfly:micrometer:community:2.0\">"
                            + "<prometheus-registry context=\"/prometheus\" security-enabled=\"false\"/></subsystem>\n"
                            + "        <subsystem xmlns=\"urn:wildfly:microprofile-health-smallrye:"),
            // WildFly Preview's configuration needs "preview" (CONTRIBUTING.md, The tests: the test on WildFly Preview)
            System.getProperty("it.monitoring.stability", "community"));

    private static WildFlyNode node;

    @BeforeAll
    static void startServerOnPostgresql() {
        PostgresqlServer database = DATABASE.start();
        node = new WildFlyNode("monitored", OFFSET,
                Wars.appWithOwnPostgresqlStorage(APP, database.jdbcUrl(), database.user())
                        // the resource the node waits for
                        .addClasses(NodeResource.class, Gate.class),
                MICROPROFILE_WITH_PROMETHEUS);
        node.start();
    }

    @AfterAll
    static void stopEverything() {
        if (node != null) {
            node.stop();
        }
        DATABASE.stopAndDelete();
    }

    @Test
    @Order(1)
    void thePrometheusEndpointShowsExactFiguresAfterAKnownSequenceOfRequests() {
        Client browser = new Client(node.url());
        KnownSequence.run(browser);

        String metrics = get(node.management("prometheus")).body();

        KnownSequence.assertFiguresOfOneRun(metrics);
    }

    @Test
    @Order(2)
    void readinessIsUpThenDownWhileTheDatabaseIsStoppedThenUpAgain() {
        OUTAGE.assertCheckFollowsTheDatabase(() -> get(node.management("health/ready")));
    }

    private static HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
