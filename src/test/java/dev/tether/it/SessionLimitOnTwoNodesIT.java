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

import dev.tether.support.db.PostgresqlServer;
import dev.tether.it.support.Client;
import dev.tether.it.support.Polling;
import dev.tether.it.support.Wars;
import dev.tether.it.support.WildFlyNode;

/**
 * One session per user, refusing more, on two WildFly servers over one PostgreSQL: two logins of one user, one on
 * each server, held until both have taken the principal and then written back at the same moment. Each counted no
 * other session when it logged in; the lock every login takes makes the second to write count the first's.
 */
@EnabledIfSystemProperty(named = "wildfly.home", matches = ".+", disabledReason = "runs WildFly 39 servers of its own")
class SessionLimitOnTwoNodesIT {

    private static final String APP = "limited";
    private static final int DATABASE_PORT = Integer.getInteger("it.nodes.postgresql.port", 15433);
    private static final int NODE_1_OFFSET = Integer.getInteger("it.node1.offset", 600);
    private static final int NODE_2_OFFSET = Integer.getInteger("it.node2.offset", 700);
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    private static PostgresqlServer database;
    private static WildFlyNode node1;
    private static WildFlyNode node2;

    @BeforeAll
    static void startTwoServersOnOneDatabase() {
        database = PostgresqlServer.start(DATABASE_PORT);
        var war = Wars.appOnPostgresql(APP, database.jdbcUrl(), database.user(), """
                tether.authentication-mechanism=true
                tether.max-sessions-per-principal=1
                tether.max-sessions-policy=refuse
                """);
        node1 = new WildFlyNode("node-1", NODE_1_OFFSET, war);
        node2 = new WildFlyNode("node-2", NODE_2_OFFSET, war);
        CompletableFuture.allOf(CompletableFuture.runAsync(node1::start, THREADS),
                CompletableFuture.runAsync(node2::start, THREADS)).join();
    }

    @AfterAll
    static void stopEverything() {
        THREADS.shutdownNow();
        for (WildFlyNode node : new WildFlyNode[] {node1, node2}) {
            if (node != null) {
                node.stop();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void ofTwoLoginsOfOneUserOnTwoServersAtOnceOneIsRefused() {
        String user = "frank-" + UUID.randomUUID();
        Client onNode1 = new Client(node1.url());
        Client onNode2 = new Client(node2.url());
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
        assertThat(loggedIn.at(node2.url()).get("api/account/sessions").body()).isEqualTo("1");
    }
}
