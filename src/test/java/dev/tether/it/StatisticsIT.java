package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.app.StatisticsResource;
import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/** On a real server, a known sequence of requests gives exact figures in {@code PersistentSessions.statistics()}. */
@ExtendWith(ArquillianExtension.class)
class StatisticsIT {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Deployment(testable = false)
    static WebArchive deployment() {
        // WildFly shows the jdk.jfr module only to deployments that ask for it (docs/monitoring.md); Payara
        // shows it to all and ignores the entry
        return Wars.app("statistics", "").addClass(StatisticsResource.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: jdk.jfr\n"));
    }

    @ArquillianResource
    URL base;

    @Test
    void aCreateAReadAndAWriteAreCountedExactly() {
        Client browser = new Client(base);
        browser.post("api/notes?item=first");
        browser.get("api/notes");
        browser.post("api/notes?item=second");

        @SuppressWarnings("unchecked")
        Map<String, Object> figures = JSON.fromJson(new Client(base).get("api/statistics").body(), Map.class);

        assertThat(count(figures, "sessionsCreated")).isEqualTo(1);
        assertThat(count(figures, "loads")).isEqualTo(2);
        assertThat(count(figures, "sessionsLoaded")).isEqualTo(2);
        assertThat(count(figures, "sessionsWritten")).isEqualTo(1);
        assertThat(count(figures, "beansDecoded")).isEqualTo(2);
        assertThat(count(figures, "beansWritten")).isEqualTo(2);
        assertThat(figures).as("JDK Flight Recorder visible to the application").containsEntry(
                "flightRecorderVisible", true);
    }

    private static long count(Map<String, Object> figures, String name) {
        return ((Number) figures.get(name)).longValue();
    }
}
