package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

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

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final int DATABASE_PORT = Integer.getInteger("it.monitoring.postgresql.port", 15435);
    private static final Path DATA = Path.of("target", "monitoring-postgresql-payara");

    private static PostgresqlServer database;

    /** The database starts here, before the server deploys the application. */
    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        deleteData();
        database = PostgresqlServer.start(DATABASE_PORT, DATA);
        return Wars.appWithOwnPostgresqlStorage("monitored", database.jdbcUrl(), database.user());
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (database != null) {
            database.close();
        }
        deleteData();
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
        HttpResponse<String> before = server().get("health/ready");
        database.close();
        HttpResponse<String> during = server().get("health/ready");
        database = PostgresqlServer.start(DATABASE_PORT, DATA);
        HttpResponse<String> after = awaitReady();

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(tetherCheck(before)).containsEntry("status", "UP");
        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(tetherCheck(during)).containsEntry("status", "DOWN");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(tetherCheck(after)).containsEntry("status", "UP");
    }

    /** Asks until the server is ready again, for at most a minute. */
    private HttpResponse<String> awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpResponse<String> health = server().get("health/ready");
        while (health.statusCode() != 200 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            health = server().get("health/ready");
        }
        return health;
    }

    /** A client of the server's root, where Payara serves its endpoints. */
    private Client server() {
        try {
            return new Client(base.toURI().resolve("/").toURL());
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of a series, as the OpenMetrics text format writes it. */

    private static void deleteData() throws IOException {
        if (Files.exists(DATA)) {
            try (Stream<Path> files = Files.walk(DATA)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tetherCheck(HttpResponse<String> health) {
        Map<String, Object> answer = JSON.fromJson(health.body(), Map.class);
        return ((List<Map<String, Object>>) answer.get("checks")).stream()
                .filter(check -> "tether-session-store".equals(check.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no tether-session-store check in " + health.body()));
    }
}
