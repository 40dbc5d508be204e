package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/**
 * Requests that only read a persistent bean write nothing, even when the bean's serialized form differs after every
 * load (a {@code HashSet} of objects without {@code equals}/{@code hashCode} iterates in identity-hash order): so
 * they cost no write and cannot conflict. The SQL statements are counted at the JDBC level, under Tether.
 */
@ExtendWith(ArquillianExtension.class)
class ReadOnlyRequestsIT {

    private static final int TAGS = 20;
    private static final int READS = 100;
    private static final int THREADS = 16;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.appWithCountedStatements("reads");
    }

    @ArquillianResource
    URL base;

    @Test
    void theRequestThatStoresTheBeanIsCountedAsAWrite() {
        resetStatementCounts();

        new Client(base).post("api/tags?count=" + TAGS);

        assertThat(writes(statementCounts())).isPositive();
    }

    @Test
    void aHundredConcurrentReadsOfABeanWhoseBytesChangeAtEveryLoadAllSucceed() throws Exception {
        Client owner = new Client(base);
        String stored = owner.post("api/tags?count=" + TAGS).body();

        List<HttpResponse<String>> reads = concurrentReads(owner);

        assertThat(reads).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(reads).extracting(HttpResponse::body).containsOnly(stored);
    }

    @Test
    void aHundredConcurrentReadsWriteNothing() throws Exception {
        Client owner = new Client(base);
        owner.post("api/tags?count=" + TAGS);
        resetStatementCounts();

        concurrentReads(owner);

        Map<String, Number> counts = statementCounts();
        assertThat(counts.getOrDefault("select", 0).longValue()).as("selects in %s", counts).isPositive();
        assertThat(writes(counts)).as("writes in %s", counts).isZero();
    }

    /** {@value #READS} GETs of the owner's session, {@value #THREADS} at a time, each thread a tab of its own. */
    private List<HttpResponse<String>> concurrentReads(Client owner) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Client> tabs = IntStream.range(0, THREADS).mapToObj(t -> owner.sharingCookiesWith("SESSION_ID"))
                    .toList();
            List<Future<HttpResponse<String>>> reads = new ArrayList<>();
            for (int i = 0; i < READS; i++) {
                Client tab = tabs.get(i % THREADS);
                reads.add(threads.submit(() -> tab.get("api/tags")));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> read : reads) {
                responses.add(read.get());
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }

    private void resetStatementCounts() {
        assertThat(new Client(base).delete("api/sql").statusCode()).isEqualTo(204);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Number> statementCounts() {
        return JSON.fromJson(new Client(base).get("api/sql").body(), Map.class);
    }

    private static long writes(Map<String, Number> counts) {
        return List.of("insert", "update", "delete", "merge").stream()
                .mapToLong(verb -> counts.getOrDefault(verb, 0).longValue()).sum();
    }
}
