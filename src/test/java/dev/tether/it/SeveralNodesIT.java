package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.tether.it.support.Client;
import dev.tether.it.support.Polling;
import dev.tether.it.support.RequestStream;
import dev.tether.it.support.TwoNodesOnPostgresql;
import dev.tether.it.support.WildFlyNode;

/**
 * Two WildFly servers on one PostgreSQL, as behind a load balancer that is not sticky: any server serves any
 * request of a session, and what one server does is effective on the other at once, because the database is the
 * only place a session lives. The application points Tether at PostgreSQL by configuration only.
 */
@EnabledIfSystemProperty(named = "wildfly.home", matches = ".+", disabledReason = "runs WildFly 39 servers of its own")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesIT {

    private static final String APP = "several";
    private static final String SESSION = "SESSION_ID";
    private static final Jsonb JSON = JsonbBuilder.create();

    /** A thread per concurrent task: the common pool may have fewer threads than the test has clients and servers. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    private static TwoNodesOnPostgresql nodes;
    private static WildFlyNode node1;
    private static WildFlyNode node2;

    @BeforeAll
    static void startTwoServersOnOneDatabase() {
        nodes = new TwoNodesOnPostgresql(APP, "", THREADS);
        node1 = nodes.node1();
        node2 = nodes.node2();
    }

    /** Brings back a server that an earlier test killed. */
    @BeforeEach
    void bothServersRunning() {
        nodes.startBoth();
    }

    @AfterAll
    static void stopEverything() {
        THREADS.shutdownNow();
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void aClientThatAlternatesServersRequestByRequestSeesOneSession() {
        Client onNode1 = new Client(node1.url());
        Client onNode2 = onNode1.at(node2.url());
        List<String> sent = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<String> answered = new ArrayList<>();

        for (int i = 1; i <= 6; i++) {
            sent.add("item-" + i);
            expected.add(JSON.toJson(sent));
            answered.add((i % 2 == 1 ? onNode1 : onNode2).post("api/notes?item=item-" + i).body());
        }

        assertThat(answered).isEqualTo(expected);
    }

    @Test
    void invalidateOnOneServerIsSeenOnTheOtherAtOnce() {
        Client browser = new Client(node1.url());
        browser.post("api/notes?item=tom");
        String id = browser.cookie(SESSION).orElseThrow();
        assertThat(browser.at(node2.url()).get("api/notes").body()).isEqualTo("[\"tom\"]");

        browser.post("api/invalidate");

        assertThat(replay(node2, id).body()).isEqualTo("[]");
    }

    @Test
    void rotateIdOnOneServerMakesTheOldIdStartFreshOnTheOther() {
        Client browser = new Client(node1.url());
        browser.post("api/notes?item=tom");
        String oldId = browser.cookie(SESSION).orElseThrow();

        String newId = browser.at(node2.url()).post("api/rotate").body();

        assertThat(replay(node1, oldId).body()).isEqualTo("[]");
        assertThat(browser.cookie(SESSION)).hasValue(newId);
        assertThat(browser.get("api/notes").body()).isEqualTo("[\"tom\"]");
    }

    @Test
    void changesToDifferentBeansFromBothServersAtOnceAreAllKept() {
        Client onNode1 = new Client(node1.url());
        onNode1.post("api/tally");
        Client onNode2 = onNode1.at(node2.url());

        List<HttpResponse<String>> responses = atOnce(
                held(node1, gate -> onNode1.post("api/cluster/gated/notes?item=tom&gate=" + gate)),
                held(node2, gate -> onNode2.post("api/cluster/gated/tally?gate=" + gate)));

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 200);
        assertThat(onNode2.get("api/notes").body()).isEqualTo("[\"tom\"]");
        assertThat(onNode1.get("api/tally").body()).isEqualTo("2");
    }

    @Test
    void theSameBeanChangedFromBothServersAtOnceGivesOneConflictAndLosesNothing() {
        Client onNode1 = new Client(node1.url());
        onNode1.post("api/tally");
        Client onNode2 = onNode1.at(node2.url());

        List<HttpResponse<String>> responses = atOnce(
                held(node1, gate -> onNode1.post("api/cluster/gated/tally?gate=" + gate)),
                held(node2, gate -> onNode2.post("api/cluster/gated/tally?gate=" + gate)));

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        assertThat(onNode2.get("api/tally").body()).isEqualTo("2");
    }

    /** Last, so that the servers need no restart after it; {@link #bothServersRunning()} would restart one. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aServerKilledInTheMiddleOfAStreamOfRequestsLosesNothingItAcknowledged() {
        List<RequestStream> streams = List.of(new RequestStream(node2), new RequestStream(node2),
                new RequestStream(node2));
        List<CompletableFuture<Void>> running = streams.stream()
                .map(stream -> CompletableFuture.runAsync(stream, THREADS)).toList();
        Polling.awaitUntil(() -> streams.stream().allMatch(s -> s.acknowledged().size() >= 10)
                || running.stream().anyMatch(CompletableFuture::isDone));

        node2.kill();
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();

        for (RequestStream stream : streams) {
            assertThat(stream.endedBy()).startsWith(RequestStream.BROKEN_CONNECTION);
            assertThat(stream.acknowledged()).isNotEmpty();
            List<String> stored = List.of(JSON.fromJson(stream.browser().at(node1.url()).get("api/notes").body(),
                    String[].class));
            assertThat(stored).startsWith(stream.acknowledged().toArray(String[]::new));
        }
    }

    private static HttpResponse<String> replay(WildFlyNode node, String id) {
        return new Client(node.url()).get("api/notes", "Cookie", SESSION + "=" + id);
    }

    /** A request that the application holds at a gate of its own after it changed its beans. */
    private record HeldRequest(WildFlyNode node, String gate, CompletableFuture<HttpResponse<String>> response) {
    }

    private static HeldRequest held(WildFlyNode node, Function<String, HttpResponse<String>> send) {
        String gate = UUID.randomUUID().toString();
        return new HeldRequest(node, gate, CompletableFuture.supplyAsync(() -> send.apply(gate), THREADS));
    }

    /** Waits until every request is held (each has loaded and changed its beans), then lets them all finish. */
    private static List<HttpResponse<String>> atOnce(HeldRequest... requests) {
        for (HeldRequest request : requests) {
            Client gates = new Client(request.node().url());
            Polling.awaitUntil(() -> request.response().isDone()
                    || gates.get("api/cluster/gate/" + request.gate()).body().equals("true"));
        }
        for (HeldRequest request : requests) {
            new Client(request.node().url()).post("api/cluster/gate/" + request.gate() + "/open");
        }
        return Arrays.stream(requests).map(r -> r.response().orTimeout(60, TimeUnit.SECONDS).join())
                .toList();
    }
}
