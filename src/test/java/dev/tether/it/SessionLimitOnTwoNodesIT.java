package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.tether.it.support.Client;
import dev.tether.it.support.Polling;
import dev.tether.it.support.TwoNodesOnPostgresql;

/**
 * One session per user, refusing more, on two WildFly servers over one PostgreSQL: two logins of one user, one on
 * each server, held until both have taken the principal and then written back at the same moment. Each counted no
 * other session when it logged in; the lock every login takes makes the second to write count the first's.
 */
@EnabledIfSystemProperty(named = "wildfly.home", matches = ".+", disabledReason = "runs WildFly 39 servers of its own")
class SessionLimitOnTwoNodesIT {

    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    private static TwoNodesOnPostgresql nodes;

    @BeforeAll
    static void startTwoServersOnOneDatabase() {
        nodes = new TwoNodesOnPostgresql("limited", """
                tether.authentication-mechanism=true
                tether.max-sessions-per-principal=1
                tether.max-sessions-policy=refuse
                """, THREADS);
    }

    @AfterAll
    static void stopEverything() {
        THREADS.shutdownNow();
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void ofTwoLoginsOfOneUserOnTwoServersAtOnceOneIsRefused() {
        String user = "frank-" + UUID.randomUUID();
        Client onNode1 = new Client(nodes.node1().url());
        Client onNode2 = new Client(nodes.node2().url());
        String gate1 = UUID.randomUUID().toString();
        String gate2 = UUID.randomUUID().toString();
        CompletableFuture<HttpResponse<String>> login1 = CompletableFuture.supplyAsync(
                () -> onNode1.post("api/cluster/gated/login?user=" + user + "&gate=" + gate1), THREADS);
        CompletableFuture<HttpResponse<String>> login2 = CompletableFuture.supplyAsync(
                () -> onNode2.post("api/cluster/gated/login?user=" + user + "&gate=" + gate2), THREADS);
        Polling.awaitUntil(() -> login1.isDone() || onNode1.get("api/cluster/gate/" + gate1).body().equals("true"));
        Polling.awaitUntil(() -> login2.isDone() || onNode2.get("api/cluster/gate/" + gate2).body().equals("true"));

        onNode1.post("api/cluster/gate/" + gate1 + "/open");
        onNode2.post("api/cluster/gate/" + gate2 + "/open");
        List<HttpResponse<String>> responses = List.of(login1.orTimeout(60, TimeUnit.SECONDS).join(),
                login2.orTimeout(60, TimeUnit.SECONDS).join());

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        List<String> callers = List.of(onNode1.get("api/account/whoami").body(),
                onNode2.get("api/account/whoami").body());
        assertThat(callers).containsExactlyInAnyOrder(user, "anonymous");
        Client loggedIn = callers.get(0).equals(user) ? onNode1 : onNode2;
        assertThat(loggedIn.at(nodes.node2().url()).get("api/account/sessions").body()).isEqualTo("1");
    }
}
