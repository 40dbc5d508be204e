package dev.tether.support.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.tether.support.Directories;

/**
 * A three-node MariaDB Galera cluster on loopback, from Debian's {@code mariadb-server} and {@code galera-4} (and
 * {@code rsync} for the state transfer), started by the test JVM and stopped when the test ends or the JVM exits.
 * Each node has a data directory of its own under {@code dir} and ports of its own: SQL {@code sqlPort + n}, group
 * communication {@code 4570 + n}, incremental state transfer {@code 4580 + n}, full state transfer
 * {@code 4590 + n} (n = 1, 2, 3; the bases are system properties). The first node bootstraps the cluster, the
 * other two join it by a full state transfer.
 *
 * <p>Run as root, the joiners' rsync state transfer fails ("Permission denied"); so the data directories belong to,
 * and the servers run as, the {@code mysql} user the package made. Run as anyone else, they run as that user.
 */
public final class GaleraCluster implements AutoCloseable {

    public static final String DATABASE = "tether";
    public static final String USER = "tether";
    private static final String PASSWORD = "tether-secret";
    private static final int NODES = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final String INSTALL = "apt-get install -y mariadb-server galera-4 rsync";
    private static final List<Path> SERVER = List.of(Path.of("/usr/sbin/mariadbd"), Path.of("/usr/bin/mariadbd"));
    private static final List<Path> INSTALL_DB = List.of(Path.of("/usr/bin/mariadb-install-db"),
            Path.of("/usr/sbin/mariadb-install-db"));
    private static final List<Path> PROVIDER = List.of(Path.of("/usr/lib/galera/libgalera_smm.so"),
            Path.of("/usr/lib64/galera-4/libgalera_smm.so"), Path.of("/usr/lib/libgalera_smm.so"));
    private static final List<Path> RSYNC = List.of(Path.of("/usr/bin/rsync"), Path.of("/bin/rsync"));

    private final Path dir;
    private final int sqlPort;
    private final int groupPort;
    private final int istPort;
    private final int sstPort;
    private final boolean asMysqlUser;
    private final Process[] processes = new Process[NODES + 1];

    private GaleraCluster(Path dir, int sqlPort, int groupPort, int istPort, int sstPort) {
        this.dir = dir;
        this.sqlPort = sqlPort;
        this.groupPort = groupPort;
        this.istPort = istPort;
        this.sstPort = sstPort;
        this.asMysqlUser = "root".equals(System.getProperty("user.name"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::killAll, "stop Galera test cluster"));
    }

    /**
     * Starts the three nodes on fresh data directories under {@code dir}, and returns once all three are in the
     * cluster and ready, with database {@value #DATABASE} and user {@value #USER} made.
     *
     * @throws IllegalStateException naming the packages to install when they are missing, or what went wrong
     */
    public static GaleraCluster start(Path dir, int sqlPort, int groupPort, int istPort, int sstPort) {
        checkInstalled();
        GaleraCluster cluster = new GaleraCluster(dir, sqlPort, groupPort, istPort, sstPort);
        try {
            cluster.bootstrap();
            cluster.startNode(2, false);
            cluster.startNode(3, false);
            for (int node = 2; node <= NODES; node++) {
                cluster.awaitSynced(node);
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Fails at once, naming the packages, when a part of the cluster is not installed: never a hang. */
    private static void checkInstalled() {
        List<String> missing = new ArrayList<>();
        Map.of("mariadbd (package mariadb-server)", SERVER, "mariadb-install-db (package mariadb-server)", INSTALL_DB,
                "libgalera_smm.so (package galera-4)", PROVIDER, "rsync (package rsync)", RSYNC)
                .forEach((what, where) -> {
                    if (where.stream().noneMatch(Files::exists)) {
                        missing.add(what);
                    }
                });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The Galera cluster tests need Debian's MariaDB Galera packages, and "
                    + String.join(", ", missing.stream().sorted().toList()) + " is missing. Install them with: "
                    + INSTALL);
        }
    }

    /** A JDBC URL for node {@code first} with the other two after it, as a data source of a Tether node has it. */
    public String failoverUrl(int first, String settings) {
        String hosts = IntStream.concat(IntStream.of(first), IntStream.rangeClosed(1, NODES).filter(n -> n != first))
                .mapToObj(n -> "127.0.0.1:" + (sqlPort + n)).collect(Collectors.joining(","));
        return "jdbc:mariadb:sequential://" + hosts + "/" + DATABASE + "?user=" + USER + "&password=" + PASSWORD
                + (settings.isEmpty() ? "" : "&" + settings);
    }

    /** A new connection to node {@code node} alone, its reads causal: for checking what the node holds. */
    public Connection connect(int node) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + (sqlPort + node) + "/" + DATABASE
                + "?user=" + USER + "&password=" + PASSWORD + "&sessionVariables=wsrep_sync_wait=1&connectTimeout=5000");
    }

    /** Ends node {@code node}'s server with SIGKILL, as {@code kill -9} does. */
    public synchronized void kill(int node) {
        Process process = processes[node];
        if (process != null) {
            process.destroyForcibly();
            awaitExit(process);
        }
    }

    /** Starts a node that was killed or stopped again on its data directory; returns once it has rejoined. */
    public void restart(int node) {
        startNode(node, false);
        awaitSynced(node);
    }

    /** A status variable of node {@code node}, as {@code SHOW STATUS} gives it. */
    public String status(int node, String variable) {
        try (Connection connection = root(node); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW STATUS LIKE '" + variable + "'")) {
            return row.next() ? row.getString(2) : "";
        } catch (SQLException e) {
            throw new IllegalStateException("node " + node + " does not answer: " + e.getMessage(), e);
        }
    }

    private void bootstrap() {
        Directories.deleteTree(dir);
        for (int node = 1; node <= NODES; node++) {
            prepare(node);
        }
        List<String> install = new ArrayList<>(List.of(found(INSTALL_DB).toString(),
                "--defaults-file=" + config(1), "--auth-root-authentication-method=normal", "--skip-test-db"));
        if (asMysqlUser) {
            install.add("--user=mysql");
        }
        run(install, nodeDir(1).resolve("install.log"));
        startNode(1, true);
        awaitSynced(1);
        try (Connection connection = root(1); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
            statement.execute("CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
            statement.execute("GRANT ALL ON " + DATABASE + ".* TO '" + USER + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database on node 1: " + e.getMessage(), e);
        }
    }

    /** The node's directory and configuration; a joiner's data directory stays empty until its state transfer. */
    private void prepare(int node) {
        try {
            Files.createDirectories(nodeDir(node).resolve("data"));
            String addresses = IntStream.rangeClosed(1, NODES).mapToObj(n -> "127.0.0.1:" + (groupPort + n))
                    .collect(Collectors.joining(","));
            Files.writeString(config(node), """
                    [mysqld]
                    datadir=%1$s/data
                    socket=%1$s/mariadbd.sock
                    pid-file=%1$s/mariadbd.pid
                    log-error=%1$s/error.log
                    port=%2$d
                    bind-address=127.0.0.1
                    skip-name-resolve
                    max-connections=300
                    binlog-format=ROW
                    default-storage-engine=InnoDB
                    innodb-autoinc-lock-mode=2
                    innodb-buffer-pool-size=64M
                    innodb-log-file-size=16M
                    innodb-flush-log-at-trx-commit=0
                    performance-schema=OFF
                    wsrep-on=ON
                    wsrep-provider=%3$s
                    wsrep-cluster-name=tether-test
                    wsrep-cluster-address=gcomm://%4$s
                    wsrep-node-name=node-%5$d
                    wsrep-node-address=127.0.0.1
                    wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:%6$d;ist.recv_addr=127.0.0.1:%7$d;gcache.size=64M"
                    wsrep-sst-method=rsync
                    wsrep-sst-receive-address=127.0.0.1:%8$d
                    """.formatted(nodeDir(node), sqlPort + node, found(PROVIDER), addresses, node, groupPort + node,
                    istPort + node, sstPort + node));
            if (asMysqlUser) {
                ownByMysql(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Galera node " + node + " in " + nodeDir(node), e);
        }
    }

    private synchronized void startNode(int node, boolean newCluster) {
        List<String> command = new ArrayList<>(List.of(found(SERVER).toString(), "--defaults-file=" + config(node)));
        if (asMysqlUser) {
            command.add("--user=mysql");
        }
        if (newCluster) {
            command.add("--wsrep-new-cluster");
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(nodeDir(node).resolve("console.log").toFile()));
            // the state transfer scripts run from the server and need the usual tools on the path
            builder.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            processes[node] = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Galera node " + node, e);
        }
    }

    /** Waits, a bounded while, until the node is synced in a primary component of all three nodes. */
    private void awaitSynced(int node) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "not started";
        while (System.nanoTime() < deadline) {
            Process process = processes[node];
            if (!process.isAlive()) {
                throw new IllegalStateException("Galera node " + node + " exited while starting (status "
                        + process.exitValue() + "): " + tail(nodeDir(node).resolve("error.log")));
            }
            try (Connection connection = root(node); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SHOW STATUS WHERE Variable_name IN "
                         + "('wsrep_ready', 'wsrep_cluster_size', 'wsrep_local_state_comment')")) {
                StringBuilder state = new StringBuilder();
                while (rows.next()) {
                    state.append(rows.getString(1)).append('=').append(rows.getString(2)).append(' ');
                }
                last = state.toString();
                int expectedSize = node == 1 && processes[2] == null ? 1 : NODES;
                if (last.contains("wsrep_ready=ON") && last.contains("wsrep_local_state_comment=Synced")
                        && last.contains("wsrep_cluster_size=" + expectedSize + " ")) {
                    return;
                }
            } catch (SQLException notYet) {
                last = notYet.getMessage();
            }
            pause(200);
        }
        throw new IllegalStateException("Galera node " + node + " not ready within " + READY_TIMEOUT + " (" + last
                + "); see " + nodeDir(node).resolve("error.log"));
    }

    private Connection root(int node) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + (sqlPort + node)
                + "/?user=root&connectTimeout=2000&socketTimeout=10000");
    }

    /** Stops every node (SIGTERM, then SIGKILL after a while). */
    @Override
    public synchronized void close() {
        for (int node = 1; node <= NODES; node++) {
            Process process = processes[node];
            if (process != null && process.isAlive()) {
                process.destroy();
            }
        }
        for (int node = 1; node <= NODES; node++) {
            if (processes[node] != null) {
                awaitExit(processes[node]);
            }
        }
    }

    private void killAll() {
        for (Process process : processes) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    private static void awaitExit(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void run(List<String> command, Path log) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void ownByMysql(Path root) throws IOException {
        UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal mysql = users.lookupPrincipalByName("mysql");
        GroupPrincipal group = users.lookupPrincipalByGroupName("mysql");
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(mysql);
                view.setGroup(group);
            }
        }
    }

    private static Path found(List<Path> candidates) {
        return candidates.stream().filter(Files::exists).findFirst().orElseThrow();
    }

    private Path nodeDir(int node) {
        return dir.resolve("node-" + node);
    }

    private Path config(int node) {
        return nodeDir(node).resolve("my.cnf");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
