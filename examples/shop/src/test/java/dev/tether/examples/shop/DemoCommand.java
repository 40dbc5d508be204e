package dev.tether.examples.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's demo command, {@code examples/run-demo.sh}, run the way a reader runs it: from the repository's
 * root, in the foreground of a terminal of its own (here a process group of its own), stopped with Ctrl+C (SIGINT
 * to that group). It runs without {@code JAVA21_HOME}, as on a machine that has only a JDK 17: building and
 * installing Tether must not need more.
 *
 * <p>Each start's output goes to a log of its own; a failure quotes its end.
 */
final class DemoCommand implements AutoCloseable {

    static final String SCRIPT = "examples/run-demo.sh";
    static final URI URL = URI.create("http://127.0.0.1:8080/shop/");

    /** The first start builds Tether and may download WildFly; later ones only package and deploy. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(600);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int TAIL_LINES = 60;

    private final Path repository;
    private final Path logDir;
    private Process process;
    private Path log;
    private int starts;

    DemoCommand(Path repository, Path logDir) {
        this.repository = repository;
        this.logDir = logDir;
    }

    /** Starts the script and waits for its ready line; returns everything it printed up to then. */
    List<String> start(String readyLine) {
        if (portInUse()) {
            throw new IllegalStateException("port 8080 is in use before the demo starts: stop whatever holds it");
        }
        starts++;
        log = logDir.resolve("run-demo-" + starts + ".log");
        Instant begin = Instant.now();
        try {
            Files.createDirectories(logDir);
            // setsid: the script and everything it starts (Maven, WildFly) form a group that one Ctrl+C reaches.
            // perl (part of every Debian) first gives Ctrl+C its default meaning back, as a terminal would: a build
            // started in the background without job control inherits SIGINT ignored, and so would WildFly
            ProcessBuilder builder = new ProcessBuilder("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!",
                    "setsid", SCRIPT)
                    .directory(repository.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().remove("JAVA21_HOME");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + SCRIPT, e);
        }
        Instant deadline = begin.plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            List<String> output = output();
            if (output.stream().anyMatch(line -> line.strip().equals(readyLine))) {
                System.out.printf("%s start %d: ready after %d s%n", SCRIPT, starts,
                        Duration.between(begin, Instant.now()).toSeconds());
                return output;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(SCRIPT + " exited with status " + process.exitValue()
                        + " before it printed '" + readyLine + "'; its output ends:\n" + tail());
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(SCRIPT + " did not print '" + readyLine + "' within " + READY_TIMEOUT
                + "; its output ends:\n" + tail());
    }

    /** Ctrl+C, as the README says: the script, Maven and WildFly all end, and the demo's port is free again. */
    void stop() {
        if (process == null) {
            return;
        }
        try {
            signalGroup("-INT");
            boolean ended = process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    && awaitFreePort(Duration.ofSeconds(30));
            if (!ended) {
                signalGroup("-KILL");
                throw new IllegalStateException(SCRIPT + " did not stop within " + STOP_TIMEOUT
                        + " of Ctrl+C; its output ends:\n" + tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process = null;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            signalGroup("-KILL");
            process = null;
        }
    }

    /** The last lines the running (or last) start printed, for a failure message. */
    String tail() {
        List<String> lines = output();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private List<String> output() {
        try {
            return List.of(Files.readString(log, StandardCharsets.UTF_8).split("\n", -1));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** setsid made the script a group leader (perl and setsid exec in place): its pid is the group's id. */
    private void signalGroup(String signal) {
        try {
            new ProcessBuilder("kill", signal, "--", "-" + process.pid()).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean awaitFreePort(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (portInUse()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            pause(Duration.ofMillis(200));
        }
        return true;
    }

    private static boolean portInUse() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(URL.getHost(), URL.getPort()), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
