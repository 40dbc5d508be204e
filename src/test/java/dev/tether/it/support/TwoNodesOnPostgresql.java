package dev.tether.it.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import dev.tether.support.db.PostgresqlServer;

/**
 * Two WildFly servers with the same application over one PostgreSQL, as behind a load balancer that is not sticky:
 * on the ports of the several-nodes tests ({@code it.nodes.postgresql.port}, {@code it.node1.offset},
 * {@code it.node2.offset}).
 */
public final class TwoNodesOnPostgresql implements AutoCloseable {

    private static final int DATABASE_PORT = Integer.getInteger("it.nodes.postgresql.port", 15433);
    private static final int NODE_1_OFFSET = Integer.getInteger("it.node1.offset", 600);
    private static final int NODE_2_OFFSET = Integer.getInteger("it.node2.offset", 700);

    private final ExecutorService threads;
    private final PostgresqlServer database;
    private final WildFlyNode node1;
    private final WildFlyNode node2;

    /**
     * Starts the database and both servers with the test application {@link Wars#appOnPostgresql} builds.
     *
     * @param config  more settings of the application, or empty
     * @param threads where the two servers start at the same time
     */
    public TwoNodesOnPostgresql(String app, String config, ExecutorService threads) {
        this.threads = threads;
        this.database = PostgresqlServer.start(DATABASE_PORT);
        var war = Wars.appOnPostgresql(app, database.jdbcUrl(), database.user(), config);
        this.node1 = new WildFlyNode("node-1", NODE_1_OFFSET, war);
        this.node2 = new WildFlyNode("node-2", NODE_2_OFFSET, war);
        try {
            startBoth();
        } catch (RuntimeException failure) {
            // the test class never gets this object to close: nothing may be left running
            close();
            throw failure;
        }
    }

    public WildFlyNode node1() {
        return node1;
    }

    public WildFlyNode node2() {
        return node2;
    }

    /** Starts whichever server is not running, both at once. */
    public void startBoth() {
        CompletableFuture.allOf(CompletableFuture.runAsync(node1::start, threads),
                CompletableFuture.runAsync(node2::start, threads)).join();
    }

    @Override
    public void close() {
        node1.stop();
        node2.stop();
        database.close();
    }
}
