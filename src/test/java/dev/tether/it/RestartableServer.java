package dev.tether.it;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;

/** The restart tests' own server (the "restartable" container of arquillian.xml) with one application on it. */
final class RestartableServer {

    static final String NAME = "restartable";

    private final ContainerController servers;
    private final Deployer deployer;
    private final String app;

    RestartableServer(ContainerController servers, Deployer deployer, String app) {
        this.servers = servers;
        this.deployer = deployer;
        this.app = app;
    }

    /** Starts the server, deploys the application, and says where it answers. */
    URL start() throws MalformedURLException {
        servers.start(NAME);
        deployer.deploy(app);
        return URI.create(System.getProperty("it.restartable.url") + app + "/").toURL();
    }

    /**
     * Stops and starts the server's process; the application comes back on the same database. The application goes
     * down and up with its server: a Payara Micro process lives exactly as long as its deployment.
     */
    void restart() {
        deployer.undeploy(app);
        servers.stop(NAME);
        servers.start(NAME);
        deployer.deploy(app);
    }

    void stopIfStarted() {
        if (servers.isStarted(NAME)) {
            try {
                deployer.undeploy(app);
            } finally {
                servers.stop(NAME);
            }
        }
    }
}
