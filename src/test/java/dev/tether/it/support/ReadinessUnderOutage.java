package dev.tether.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * What both monitoring tests check of Tether's readiness check on the server's own {@code /health/ready}: UP, then
 * DOWN (503, with a fixed reason and an incident reference, never the driver's text) while the test's PostgreSQL is stopped under the running server, then UP again once it
 * is back ({@link OwnPostgresql} keeps its data across the stop, so it comes back with Tether's table).
 */
public final class ReadinessUnderOutage {

    private static final Jsonb JSON = JsonbBuilder.create();
    /** What the check may say of a stopped database: a fixed reason, never the driver's own words. */
    private static final List<String> REASONS_OF_AN_OUTAGE = List.of("database unreachable", "database not answering");

    private final OwnPostgresql database;

    public ReadinessUnderOutage(OwnPostgresql database) {
        this.database = database;
    }

    /** Runs the outage and asserts what {@code readiness} (one GET of {@code /health/ready}) answered. */
    public void assertCheckFollowsTheDatabase(Supplier<HttpResponse<String>> readiness) {
        HttpResponse<String> before = readiness.get();
        database.stopKeepingData();
        HttpResponse<String> during = readiness.get();
        database.startAgain();
        HttpResponse<String> after = awaitReady(readiness);

        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(tetherCheck(before)).containsEntry("status", "UP");
        assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
        assertThat(tetherCheck(during)).containsEntry("status", "DOWN");
        assertThat(tetherCheck(during).get("data")).as(during.body())
                .asInstanceOf(MAP).containsOnlyKeys("reason", "incident")
                .hasEntrySatisfying("reason", reason -> assertThat(reason).isIn(REASONS_OF_AN_OUTAGE));
        assertThat(String.valueOf(tetherCheck(during).get("data"))).as("the driver's text never reaches the answer")
                .doesNotContainIgnoringCase("refused").doesNotContainIgnoringCase("postgres")
                .doesNotContainIgnoringCase("connection");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(tetherCheck(after)).containsEntry("status", "UP");
    }

    /** Asks until the server is ready again, for at most a minute. */
    private static HttpResponse<String> awaitReady(Supplier<HttpResponse<String>> readiness) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpResponse<String> health = readiness.get();
        while (health.statusCode() != 200 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            health = readiness.get();
        }
        return health;
    }

    /** Tether's check in the answer, there exactly once: a second would be its bean discovered twice. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> tetherCheck(HttpResponse<String> health) {
        Map<String, Object> answer = JSON.fromJson(health.body(), Map.class);
        List<Map<String, Object>> tether = ((List<Map<String, Object>>) answer.get("checks")).stream()
                .filter(check -> "tether-session-store".equals(check.get("name"))).toList();
        if (tether.size() != 1) {
            throw new AssertionError(tether.size() + " tether-session-store checks in " + health.body());
        }
        return tether.get(0);
    }
}
