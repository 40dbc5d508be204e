package dev.tether.it.support;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;

import dev.tether.support.Directories;

/** The restart tests' own server (the "restartable" container of arquillian.xml) with one application on it. */
public final class RestartableServer {

    public static final String NAME = "restartable";

    /** Payara Micro's root directory for the restartable server (the payara executions only). */
    private static final String PAYARA_ROOT = System.getProperty("restartable.root");
    /** The directory that names the restartable server's process on its command line, on either server family. */
    private static final String DIRECTORY = PAYARA_ROOT != null ? PAYARA_ROOT : System.getProperty("restartable.base");
    private static final long EXIT_TIMEOUT_SECONDS = 60;

    private final ContainerController servers;
    private final Deployer deployer;
    private final String app;

    public RestartableServer(ContainerController servers, Deployer deployer, String app) {
        this.servers = servers;
        this.deployer = deployer;
        this.app = app;
    }

    /**
     * Starts the server, deploys the application, and says where it answers. On Payara Micro the root directory
     * starts empty: it would otherwise still hold the applications of the test classes before, and the server would
     * deploy them all again at every start.
     */
    public URL start() throws MalformedURLException {
        if (PAYARA_ROOT != null) {
            Directories.deleteTree(Path.of(PAYARA_ROOT));
        }
        startProcess();
        deployer.deploy(app);
        return URI.create(System.getProperty("it.restartable.url") + app + "/").toURL();
    }

    /**
     * Stops and starts the server's process; the application comes back on the same database. The application goes
     * down and up with its server: a Payara Micro process lives exactly as long as its deployment.
     */
    public void restart() {
        stop();
        startProcess();
        deployer.deploy(app);
    }

    public void stopIfStarted() {
        if (servers.isStarted(NAME)) {
            stop();
        }
        killLeftovers();
    }

    /**
     * Starts the server's process. A start that fails can leave the process behind: Payara Micro 7 was seen to hang
     * in its own startup (its service locator's threads waiting on each other, before any application), and the
     * adapter gives up after its timeout without ending the process, which then holds the port and the root
     * directory, so that every later start of this server fails with "Address already in use". Ending it lets the
     * next test, or failsafe's rerun of this one, start on a clean slate.
     */
    private void startProcess() {
        try {
            servers.start(NAME);
        } catch (RuntimeException e) {
            killLeftovers();
            throw e;
        }
    }

    /** Ends, forcibly, any process of this server still running when none should be. */
    private static void killLeftovers() {
        for (ProcessHandle process : restartableProcesses()) {
            process.destroyForcibly();
            awaitExit(process, "it was ended forcibly");
        }
    }

    private static List<ProcessHandle> restartableProcesses() {
        return ProcessHandle.current().descendants().filter(RestartableServer::isTheRestartableServer).toList();
    }

    private void stop() {
        try {
            deployer.undeploy(app);
        } finally {
            servers.stop(NAME);
            awaitExit();
        }
    }

    /**
     * Waits until the server's process has exited. Payara Micro's adapter undeploys by signalling the process and
     * returns at once, while the process takes seconds to shut down; a new process started meanwhile on the same
     * root directory (its configuration, runtime jars and H2 database) can hang at start until the start times out.
     * A restart is the old process gone, then the new one.
     */
    private static void awaitExit() {
        restartableProcesses().forEach(process -> awaitExit(process, "it was told to stop"));
    }

    private static void awaitExit(ProcessHandle process, String after) {
        try {
            process.onExit().get(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the restartable server's process " + process.pid()
                    + " is still running " + EXIT_TIMEOUT_SECONDS + " s after " + after, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTheRestartableServer(ProcessHandle process) {
        return process.info().arguments()
                .map(arguments -> Arrays.stream(arguments).anyMatch(argument -> argument.contains(DIRECTORY)))
                .orElse(false);
    }
}
