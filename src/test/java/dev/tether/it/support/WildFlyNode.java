package dev.tether.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

import dev.tether.support.Directories;

/**
 * One WildFly server of the tests with several servers, run by the test itself rather than by Arquillian so
 * that the test holds the server's JVM process and can kill it. Each node is the WildFly the build unpacked, with
 * a base directory of its own (configuration, deployments, data, logs) and a port offset of its own.
 */
public final class WildFlyNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The configuration a node starts with: a file of the unpacked server's, changed as a test needs it, and the
     * stability level the server runs at (WildFly refuses features above it).
     */
    public record Configuration(String file, UnaryOperator<String> change, String stability) {

        /** The configuration the other end-to-end tests run on. */
        static final Configuration STANDALONE = new Configuration("standalone.xml", UnaryOperator.identity(), null);
    }

    private final String name;
    private final int portOffset;
    private final Path home = Path.of(System.getProperty("wildfly.home"));
    private final Path baseDir;
    private final String app;
    private final Configuration configuration;
    private volatile Process process;

    /** A node that serves {@code war} (deployed from its deployments directory) once started. */
    public WildFlyNode(String name, int portOffset, WebArchive war) {
        this(name, portOffset, war, Configuration.STANDALONE);
    }

    /** A node that serves {@code war} on a configuration of its own. */
    public WildFlyNode(String name, int portOffset, WebArchive war, Configuration configuration) {
        this.name = name;
        this.portOffset = portOffset;
        this.baseDir = home.resolveSibling("wildfly-" + name);
        this.app = war.getName().replaceFirst("\\.war$", "");
        this.configuration = configuration;
        prepareBaseDir(war);
        // a test JVM that ends abruptly must not leave servers behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process running = process;
            if (running != null) {
                running.destroyForcibly();
            }
        }, "kill " + name));
    }

    /** The application's root URL on this node. */
    public URL url() {
        try {
            return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/" + app + "/").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the server logged so far ({@code log/server.log} of its base directory), or nothing before it started. */
    public String serverLog() {
        Path log = baseDir.resolve("log").resolve("server.log");
        return Files.exists(log) ? read(log) : "";
    }

    /** An address of the management interface, where WildFly serves its health checks and metrics. */
    public URI management(String path) {
        return URI.create("http://127.0.0.1:" + (9990 + portOffset) + "/" + path);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the server and returns once the application answers. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        StandaloneCommandBuilder command = StandaloneCommandBuilder.of(home)
                .setBaseDirectory(baseDir)
                .setServerConfiguration(configuration.file())
                .addJavaOptions("-Xms64m", "-Xmx512m", "-Djava.net.preferIPv4Stack=true",
                        "-Djboss.socket.binding.port-offset=" + portOffset, "-Dtether.it.node=" + name);
        if (configuration.stability() != null) {
            command.setStability(configuration.stability());
        }
        try {
            Files.deleteIfExists(consoleLog());
            process = Launcher.of(command).setRedirectErrorStream(true).redirectOutput(consoleLog()).launch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + name, e);
        }
        awaitApplication();
    }

    /** Ends the server's JVM with SIGKILL, as {@code kill -9} does: no shutdown hook, no flush, nothing. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit(process);
        }
    }

    /** A clean shutdown (SIGTERM); a server that does not stop in time is killed. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit(process);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitApplication() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "api/cluster/node"))
                .timeout(Duration.ofSeconds(5)).build();
        Path failed = baseDir.resolve("deployments").resolve(app + ".war.failed");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + consoleLog());
            }
            if (Files.exists(failed)) {
                throw new IllegalStateException(name + " could not deploy " + app + ": " + read(failed));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        kill();
        throw new IllegalStateException(name + " did not serve " + app + " within " + START_TIMEOUT
                + "; see " + consoleLog());
    }

    private void awaitExit(Process running) {
        try {
            if (!running.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    /** A fresh copy of the unpacked server's configuration, and the application in its deployments directory. */
    private void prepareBaseDir(WebArchive war) {
        try {
            Directories.deleteTree(baseDir);
            Path shipped = home.resolve("standalone/configuration");
            try (Stream<Path> files = Files.walk(shipped)) {
                for (Path source : files.filter(f -> !f.toString().contains("standalone_xml_history")).toList()) {
                    Path target = baseDir.resolve("configuration").resolve(shipped.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Path file = baseDir.resolve("configuration").resolve(configuration.file());
            Files.writeString(file, configuration.change().apply(Files.readString(file)));
            Path deployments = Files.createDirectories(baseDir.resolve("deployments"));
            war.as(ZipExporter.class).exportTo(deployments.resolve(war.getName()).toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + baseDir, e);
        }
    }

    private Path consoleLog() {
        return baseDir.resolve("console.log");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + url() + ")";
    }
}
