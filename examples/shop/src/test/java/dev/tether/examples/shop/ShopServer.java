package dev.tether.examples.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The demo shop on a real WildFly, as a process the tests can stop and start again: a restart is the point of
 * the demo, so the tests cannot use a server that Maven starts and stops around them.
 *
 * <p>The server runs from the WildFly unpacked by the build (its data source already points at a file), with its
 * own base directory under {@code target/} (configuration, deployments, data, logs) and a port offset, so it
 * neither touches the demo's data nor collides with a running demo.
 */
final class ShopServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String WAR_NAME = "shop.war";

    private final Path wildflyHome;
    private final Path war;
    private final Path baseDir;
    private final int portOffset;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    ShopServer(Path wildflyHome, Path war, Path baseDir, int portOffset) {
        this.wildflyHome = wildflyHome;
        this.war = war;
        this.baseDir = baseDir;
        this.portOffset = portOffset;
    }

    /** The server the build prepared, as the failsafe configuration in the pom describes it. */
    static ShopServer fromBuild() {
        return new ShopServer(Path.of(required("shop.wildfly.home")), Path.of(required("shop.war")),
                Path.of(required("shop.server.dir")), Integer.parseInt(required("shop.port.offset")));
    }

    /** {@code http://127.0.0.1:<8080 + offset>/shop/} */
    URI url() {
        return URI.create("http://127.0.0.1:" + httpPort() + "/shop/");
    }

    /** Starts the server on a fresh base directory: no sessions from an earlier run. */
    void startFresh() {
        killLeftOverServer();
        requireFreePort();
        deleteRecursively(baseDir);
        copyRecursively(wildflyHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        copy(war, baseDir.resolve("deployments").resolve(WAR_NAME));
        start();
    }

    /** Stops the server as Ctrl+C would and starts it again on the same base directory, database included. */
    void restart() {
        stop();
        requireFreePort();
        start();
    }

    void stop() {
        if (process == null) {
            return;
        }
        // SIGTERM to the JVM under standalone.sh: WildFly shuts down gracefully, as it does on Ctrl+C
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process = null;
            deleteQuietly(pidFile());
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void start() {
        starts++;
        Path console = baseDir.resolve("log").resolve("console-" + starts + ".log");
        try {
            Files.createDirectories(console.getParent());
            ProcessBuilder builder = new ProcessBuilder(wildflyHome.resolve("bin/standalone.sh").toString(),
                    "-Djboss.socket.binding.port-offset=" + portOffset,
                    "-Djboss.bind.address=127.0.0.1",
                    "-Djboss.bind.address.management=127.0.0.1")
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile());
            builder.environment().put("JBOSS_BASE_DIR", baseDir.toString());
            process = builder.start();
            Files.writeString(pidFile(), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start WildFly from " + wildflyHome, e);
        }
        try {
            awaitDeployment(console);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void awaitDeployment(Path console) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Path failed = baseDir.resolve("deployments").resolve(WAR_NAME + ".failed");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited while starting; see " + console);
            }
            if (Files.exists(failed)) {
                throw new IllegalStateException("the shop failed to deploy: " + read(failed) + "; see " + console);
            }
            if (answers200(url().resolve("api/products"))) {
                return;
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the shop was not up after " + START_TIMEOUT + "; see " + console);
    }

    private boolean answers200(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A server of an earlier run whose JVM was killed before it could stop it would hold the ports. */
    private void killLeftOverServer() {
        Path pidFile = pidFile();
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftOver = ProcessHandle.of(Long.parseLong(read(pidFile).strip()))
                .filter(handle -> handle.info().commandLine().orElse("").contains("standalone.sh"));
        leftOver.ifPresent(handle -> {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            handle.onExit().join();
        });
    }

    private void requireFreePort() {
        Instant deadline = Instant.now().plusSeconds(10);
        while (portInUse()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("port " + httpPort() + " is in use by another process; the tests "
                        + "need it (change it with -Dit.port.offset=...)");
            }
            pause(Duration.ofMillis(200));
        }
    }

    private boolean portInUse() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", httpPort()), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int httpPort() {
        return 8080 + portOffset;
    }

    private Path pidFile() {
        return baseDir.resolve("server.pid");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests with "
                    + "Maven (verify), which sets it");
        }
        return value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyRecursively(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).toList();
            for (Path file : deepestFirst) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // only a hint for the next run; a stale one is checked against the process it names
        }
    }
}
