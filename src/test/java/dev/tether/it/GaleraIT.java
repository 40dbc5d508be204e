package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.tether.store.SchemaInstaller;
import dev.tether.support.db.GaleraCluster;
import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;
import dev.tether.it.support.WildFlyNode;

/**
 * Tether on a three-node MariaDB Galera cluster: two WildFly servers, each with a data source whose failover list
 * starts with a database node of its own (server A on database node 1, server B on node 2), as behind a load
 * balancer that is not sticky. What holds on one database must hold here too, where a conflict shows at commit as a
 * certification failure, a read may run on a node that has not applied the last commit yet, and a database node
 * can die under load.
 */
@EnabledIfSystemProperty(named = "wildfly.home", matches = ".+", disabledReason = "runs WildFly 39 servers of its own")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraIT {

    private static final String APP = "galera";
    private static final String SESSION = "SESSION_ID";
    private static final String CAUSAL_READS = "sessionVariables=wsrep_sync_wait=1";
    private static final int SQL_PORT = Integer.getInteger("it.galera.port", 3310);
    private static final int GROUP_PORT = Integer.getInteger("it.galera.group.port", 4570);
    private static final int IST_PORT = Integer.getInteger("it.galera.ist.port", 4580);
    private static final int SST_PORT = Integer.getInteger("it.galera.sst.port", 4590);
    private static final int NODE_A_OFFSET = Integer.getInteger("it.galera.node1.offset", 3600);
    private static final int NODE_B_OFFSET = Integer.getInteger("it.galera.node2.offset", 3700);
    private static final int REFUSED_NODE_OFFSET = Integer.getInteger("it.galera.node3.offset", 3650);
    /** How long a server may take to move to a live database node after its own died. */
    private static final Duration FAILOVER_BOUND = Duration.ofSeconds(30);
    /** A line of a Java stack trace in a server log. */
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    private static GaleraCluster cluster;
    private static WildFlyNode serverA;
    private static WildFlyNode serverB;

    @BeforeAll
    static void startAClusterThenTwoServersAtOnceOnIt() {
        long started = System.nanoTime();
        cluster = GaleraCluster.start(Path.of(System.getProperty("wildfly.home")).resolveSibling("galera"),
                SQL_PORT, GROUP_PORT, IST_PORT, SST_PORT);
        System.out.println("GaleraIT: three Galera nodes ready in " + since(started).toMillis() + " ms");
        serverA = new WildFlyNode("galera-a", NODE_A_OFFSET, Wars.appOnMariaDb(APP,
                cluster.failoverUrl(1, CAUSAL_READS), ""));
        serverB = new WildFlyNode("galera-b", NODE_B_OFFSET, Wars.appOnMariaDb(APP,
                cluster.failoverUrl(2, CAUSAL_READS), ""));
        CompletableFuture.allOf(CompletableFuture.runAsync(serverA::start, THREADS),
                CompletableFuture.runAsync(serverB::start, THREADS)).join();
    }

    @AfterAll
    static void stopEverything() {
        THREADS.shutdownNow();
        for (WildFlyNode server : new WildFlyNode[] {serverA, serverB}) {
            if (server != null) {
                server.stop();
            }
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void twoServersStartingAtOnceOnAnEmptyClusterThroughTwoDatabaseNodesMakeOneSchemaWithoutError() throws SQLException {
        for (int node = 1; node <= 3; node++) {
            try (Connection connection = cluster.connect(node)) {
                assertThat(rows(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                        + GaleraCluster.DATABASE + "' ORDER BY table_name")).as("tables on database node %d", node)
                        .containsExactly("tether_bean", "tether_lease", "tether_schema_version", "tether_session");
                assertThat(rows(connection, "SELECT COUNT(*) FROM tether_lease")).containsExactly("1");
                assertThat(rows(connection, "SELECT version FROM tether_schema_version"))
                        .containsExactly(String.valueOf(SchemaInstaller.VERSION));
            }
        }
        for (WildFlyNode server : List.of(serverA, serverB)) {
            assertThat(server.serverLog().lines().filter(line -> line.contains(" ERROR ") || line.contains("SEVERE")))
                    .as("errors in the log of %s", server).isEmpty();
        }
    }

    @Test
    @Order(2)
    void whatOneServerWritesIsReadAtOnceThroughTheOtherNeverStale() {
        Client onA = new Client(serverA.url());
        Client onB = onA.at(serverB.url());
        List<String> basket = new ArrayList<>();
        List<String> stale = new ArrayList<>();

        for (int i = 1; i <= 100; i++) {
            Client writer = i % 2 == 1 ? onA : onB;
            Client reader = i % 2 == 1 ? onB : onA;
            basket.add("item-" + i);
            String expectedBasket = JSON.toJson(basket);
            check(stale, i, "written basket", expectedBasket, writer.post("api/notes?item=item-" + i));
            check(stale, i, "written counter", String.valueOf(i), writer.post("api/tally"));
            check(stale, i, "basket read on the other server", expectedBasket, reader.get("api/notes"));
            check(stale, i, "counter read on the other server", String.valueOf(i), reader.get("api/tally"));
        }

        assertThat(stale).isEmpty();
    }

    @Test
    @Order(3)
    void rotationOnOneServerWhileASlowRequestOnTheOtherHoldsTheOldIdLeavesTheOldIdDeadOnBoth() {
        Client browser = new Client(serverA.url());
        browser.post("api/notes?item=before");
        String oldId = browser.cookie(SESSION).orElseThrow();

        HttpResponse<String> slow = slowChangeOnBWhile(oldId, () -> browser.post("api/rotate"));

        String newId = browser.cookie(SESSION).orElseThrow();
        SoftAssertions then = new SoftAssertions();
        then.assertThat(newId).isNotEqualTo(oldId);
        then.assertThat(slow.statusCode()).as("the slow request").isEqualTo(200);
        for (WildFlyNode server : List.of(serverA, serverB)) {
            then.assertThat(notesWith(server, oldId)).as("the old ID's data on %s", server).isEqualTo("[]");
            then.assertThat(notesWith(server, newId)).as("the new ID's data on %s", server)
                    .isEqualTo("[\"before\",\"slow\"]");
        }
        then.assertAll();
    }

    @Test
    @Order(4)
    void logoutOnOneServerWhileASlowRequestOnTheOtherHoldsTheIdEndsTheSessionOnBoth() {
        String user = "alice-" + UUID.randomUUID();
        Client browser = new Client(serverA.url());
        browser.post("api/account/login?user=" + user);
        browser.post("api/notes?item=before");
        String id = browser.cookie(SESSION).orElseThrow();

        HttpResponse<String> slow = slowChangeOnBWhile(id, () -> browser.post("api/invalidate"));

        SoftAssertions then = new SoftAssertions();
        then.assertThat(slow.statusCode()).as("the slow request").isEqualTo(409);
        for (WildFlyNode server : List.of(serverA, serverB)) {
            then.assertThat(notesWith(server, id)).as("the ended ID's data on %s", server).isEqualTo("[]");
            then.assertThat(new Client(server.url()).get("api/principal", "Cookie", SESSION + "=" + id).body())
                    .as("the ended ID's principal on %s", server).isEqualTo("none");
            then.assertThat(new Client(server.url()).get("api/principal/sessions?user=" + user).body())
                    .as("sessions left for the user on %s", server).isEqualTo("0");
        }
        then.assertAll();
    }

    @Test
    @Order(5)
    void overlappingIncrementsThroughBothServersCountEveryAcknowledgedOneAndTheOthersAreConflicts() {
        Client onA = new Client(serverA.url());
        onA.post("api/tally");
        Client onB = onA.at(serverB.url());
        int logA = serverA.serverLog().length();
        int logB = serverB.serverLog().length();

        List<CompletableFuture<List<Integer>>> threads = IntStream.range(0, 4)
                .mapToObj(t -> CompletableFuture.supplyAsync(() -> IntStream.range(0, 25)
                        .mapToObj(i -> (t % 2 == 0 ? onA : onB).post("api/tally").statusCode()).toList(), THREADS))
                .toList();
        List<Integer> statuses = threads.stream().flatMap(f -> f.orTimeout(120, TimeUnit.SECONDS).join().stream())
                .toList();

        long acknowledged = statuses.stream().filter(status -> status / 100 == 2).count();
        System.out.println("GaleraIT: 100 overlapping increments: " + acknowledged + " acknowledged, "
                + (statuses.size() - acknowledged) + " conflicts, " + certificationFailures(logA, logB)
                + " certification failures (error 1213, SQLState 40001) logged by the driver");
        assertThat(statuses).as("every answer").allMatch(status -> status == 200 || status == 409);
        assertThat(statuses).as("conflicts among overlapping increments").contains(409);
        assertThat(onB.get("api/tally").body()).isEqualTo(String.valueOf(1 + acknowledged));
        assertThat(serverA.serverLog().substring(logA)).doesNotContainPattern(STACK_FRAME);
        assertThat(serverB.serverLog().substring(logB)).doesNotContainPattern(STACK_FRAME);
    }

    @Test
    @Order(6)
    void thePurgeRunsOnOneServerAtATimeAndFailsNoRequestOfTheLiveTraffic() throws SQLException {
        int expired = 200;
        seedExpiredSessions(expired);
        List<WriteStream> traffic = List.of(new WriteStream(serverA), new WriteStream(serverB));
        List<CompletableFuture<Void>> running = traffic.stream()
                .map(stream -> CompletableFuture.runAsync(stream, THREADS)).toList();
        List<String> ranHere = new ArrayList<>();
        try {
            for (int round = 0; round < 5; round++) {
                CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(
                        () -> new Client(serverA.url()).post("api/purge"), THREADS);
                CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(
                        () -> new Client(serverB.url()).post("api/purge"), THREADS);
                ranHere.add(onA.join().statusCode() + " " + onA.join().body() + " / " + onB.join().statusCode()
                        + " " + onB.join().body());
            }
        } finally {
            traffic.forEach(WriteStream::stop);
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        }

        assertThat(ranHere).as("each round: A / B").allMatch(round -> round.equals("200 ranHere=true / 200 ranHere=false")
                || round.equals("200 ranHere=false / 200 ranHere=true"));
        assertThat(ranHere).as("the lease keeps the purge on one server").containsOnly(ranHere.get(0));
        try (Connection connection = cluster.connect(3)) {
            assertThat(rows(connection, "SELECT COUNT(*) FROM tether_session WHERE id_hash LIKE 'expired-%'"))
                    .containsExactly("0");
        }
        for (WriteStream stream : traffic) {
            assertThat(stream.acknowledged()).as("live traffic on %s", stream.server).isNotEmpty();
            assertThat(stream.failures()).as("failed live requests on %s", stream.server).isEmpty();
        }
    }

    @Test
    @Order(7)
    void theSerializePolicyIsRefusedAtDeploymentSayingWhy() {
        WildFlyNode serializing = new WildFlyNode("galera-serialize", REFUSED_NODE_OFFSET,
                Wars.appOnMariaDb(APP, cluster.failoverUrl(3, CAUSAL_READS), "tether.concurrency=serialize\n"));
        try {
            assertThatThrownBy(serializing::start).hasMessageContaining("could not deploy")
                    .hasMessageContaining("Galera cluster node (wsrep_on=ON)")
                    .hasMessageContaining("tether.concurrency=serialize")
                    .hasMessageContaining("holds only on the database node that took it");
        } finally {
            serializing.stop();
        }
    }

    @Test
    @Order(8)
    void aDataSourceWithoutCausalReadsIsRefusedAtDeploymentNamingTheFix() {
        WildFlyNode stale = new WildFlyNode("galera-stale", REFUSED_NODE_OFFSET,
                Wars.appOnMariaDb(APP, cluster.failoverUrl(3, ""), ""));
        try {
            assertThatThrownBy(stale::start).hasMessageContaining("could not deploy")
                    .hasMessageContaining("wsrep_sync_wait=0")
                    .hasMessageContaining("sessionVariables=wsrep_sync_wait=1");
        } finally {
            stale.stop();
        }
    }

    /** Last: it kills a database node and brings it back. */
    @Test
    @Order(Integer.MAX_VALUE)
    void killingTheDatabaseNodeOfOneServerUnderLoadMovesItToALiveNodeAndLosesNoAcknowledgedWrite()
            throws SQLException {
        List<WriteStream> streams = List.of(new WriteStream(serverA), new WriteStream(serverA),
                new WriteStream(serverB), new WriteStream(serverB));
        List<CompletableFuture<Void>> running = streams.stream()
                .map(stream -> CompletableFuture.runAsync(stream, THREADS)).toList();
        long killedAt;
        try {
            awaitUntil(() -> streams.stream().allMatch(s -> s.acknowledged().size() >= 20));
            killedAt = System.nanoTime();
            cluster.kill(1);
            awaitUntil(() -> streams.stream().allMatch(s -> s.acknowledgedSentAfter(killedAt) >= 20));
        } finally {
            streams.forEach(WriteStream::stop);
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        }

        Duration failover = Duration.ofNanos(streams.subList(0, 2).stream()
                .mapToLong(s -> s.firstAcknowledgedAfter(killedAt)).max().orElseThrow() - killedAt);
        long failed = streams.stream().mapToLong(s -> s.failures().size()).sum();
        System.out.println("GaleraIT: server A wrote again through a live database node " + failover.toMillis()
                + " ms after its own was killed; " + failed + " requests answered 503 meanwhile");
        assertThat(failover).isLessThan(FAILOVER_BOUND);
        for (WriteStream stream : streams) {
            assertThat(stream.failures()).as("failed requests on %s", stream.server)
                    .allMatch(failure -> failure.startsWith("503 "));
            for (WildFlyNode server : List.of(serverA, serverB)) {
                List<String> stored = List.of(JSON.fromJson(stream.browser.at(server.url()).get("api/notes").body(),
                        String[].class));
                assertThat(stored).as("stored through %s", server)
                        .containsSubsequence(stream.acknowledged().toArray(String[]::new));
            }
        }

        long restarting = System.nanoTime();
        cluster.restart(1);
        System.out.println("GaleraIT: the killed database node rejoined in " + since(restarting).toMillis() + " ms");
        List<List<String>> contents = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            try (Connection connection = cluster.connect(node)) {
                contents.add(fingerprint(connection));
            }
        }
        assertThat(contents.get(1)).as("database node 2 and node 1").isEqualTo(contents.get(0));
        assertThat(contents.get(2)).as("database node 3 and node 1").isEqualTo(contents.get(0));
        assertThat(cluster.status(1, "wsrep_cluster_size")).isEqualTo("3");
    }

    /**
     * Sends a request with {@code id} to server B that adds "slow" to the notes and waits at a gate; once it is held
     * there, runs {@code overlapping} (through server A) to its end, then lets the slow request finish.
     */
    private static HttpResponse<String> slowChangeOnBWhile(String id,
                                                           java.util.function.Supplier<HttpResponse<String>> overlapping) {
        String gate = UUID.randomUUID().toString();
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> new Client(serverB.url())
                .post("api/cluster/gated/notes?item=slow&gate=" + gate, "Cookie", SESSION + "=" + id), THREADS);
        Client gates = new Client(serverB.url());
        awaitUntil(() -> slow.isDone() || gates.get("api/cluster/gate/" + gate).body().equals("true"));
        HttpResponse<String> other;
        try {
            other = overlapping.get();
        } finally {
            gates.post("api/cluster/gate/" + gate + "/open");
        }
        assertThat(other.statusCode()).as("the overlapping request").isBetween(200, 299);
        return slow.orTimeout(60, TimeUnit.SECONDS).join();
    }

    private static String notesWith(WildFlyNode server, String id) {
        return new Client(server.url()).get("api/notes", "Cookie", SESSION + "=" + id).body();
    }

    private static void check(List<String> stale, int round, String what, String expected,
                              HttpResponse<String> response) {
        if (response.statusCode() != 200 || !response.body().equals(expected)) {
            stale.add("round " + round + ", " + what + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** Expired sessions with a bean each, as sessions nobody came back to leave them. */
    private static void seedExpiredSessions(int count) throws SQLException {
        long past = System.currentTimeMillis() - 60_000;
        try (Connection connection = cluster.connect(3);
             PreparedStatement session = connection.prepareStatement("INSERT INTO tether_session (session_pk, id_hash,"
                     + " created_at, last_accessed_at, expires_at, idle_timeout_ms, absolute_expires_at) VALUES "
                     + "(?, ?, ?, ?, ?, 1000, ?)");
             PreparedStatement bean = connection.prepareStatement("INSERT INTO tether_bean (session_pk, bean_key, "
                     + "codec, state_bytes, state_version) VALUES (?, 'seeded', 'java', ?, 1)")) {
            for (int i = 0; i < count; i++) {
                String pk = UUID.randomUUID().toString();
                session.setString(1, pk);
                session.setString(2, "expired-" + i);
                for (int column = 3; column <= 6; column++) {
                    session.setLong(column, past);
                }
                session.executeUpdate();
                bean.setString(1, pk);
                bean.setBytes(2, new byte[] {1, 2, 3});
                bean.executeUpdate();
            }
        }
    }

    /** What a database node holds of Tether's tables, row by row in short. */
    private static List<String> fingerprint(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>(rows(connection, "SELECT session_pk, id_hash, expires_at, principal "
                + "FROM tether_session ORDER BY session_pk"));
        rows.addAll(rows(connection, "SELECT session_pk, bean_key, state_version, MD5(state_bytes) "
                + "FROM tether_bean ORDER BY session_pk, bean_key"));
        return rows;
    }

    /** Each row of the result, its columns joined by spaces. */
    private static List<String> rows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                StringBuilder row = new StringBuilder(String.valueOf(rows.getString(1)));
                for (int i = 2; i <= columns; i++) {
                    row.append(' ').append(rows.getString(i));
                }
                values.add(row.toString());
            }
            return values;
        }
    }

    private static long certificationFailures(int logA, int logB) {
        return (serverA.serverLog().substring(logA) + serverB.serverLog().substring(logB)).lines()
                .filter(line -> line.contains("Error: 1213-40001")).count();
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /** Polls a condition for at most two minutes; a condition still false then fails the test. */
    private static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting after 120 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * One browser adding item after item to its notes through one server until stopped, going on after a failed
     * request: it remembers each item answered 2xx with the time its request was sent, and every other answer.
     */
    private static final class WriteStream implements Runnable {

        private record Acknowledged(String item, long sentAt, long answeredAt) {
        }

        private final WildFlyNode server;
        private final Client browser;
        private final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private volatile boolean stopped;

        WriteStream(WildFlyNode server) {
            this.server = server;
            this.browser = new Client(server.url());
        }

        @Override
        public void run() {
            for (int i = 1; !stopped; i++) {
                String item = "item-" + i;
                long sentAt = System.nanoTime();
                try {
                    HttpResponse<String> response = browser.post("api/notes?item=" + item);
                    if (response.statusCode() / 100 == 2) {
                        acknowledged.add(new Acknowledged(item, sentAt, System.nanoTime()));
                    } else {
                        failures.add(response.statusCode() + " " + response.body());
                    }
                } catch (UncheckedIOException e) {
                    failures.add("no answer: " + e.getCause());
                }
            }
        }

        void stop() {
            stopped = true;
        }

        List<String> acknowledged() {
            return acknowledged.stream().map(Acknowledged::item).toList();
        }

        long acknowledgedSentAfter(long nanos) {
            return acknowledged.stream().filter(a -> a.sentAt() > nanos).count();
        }

        /** When the first request sent after {@code nanos} and acknowledged was answered. */
        long firstAcknowledgedAfter(long nanos) {
            return acknowledged.stream().filter(a -> a.sentAt() > nanos).mapToLong(Acknowledged::answeredAt).min()
                    .orElseThrow();
        }

        List<String> failures() {
            return List.copyOf(failures);
        }
    }
}
