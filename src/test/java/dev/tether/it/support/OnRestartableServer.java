package dev.tether.it.support;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up every restart test shares: Arquillian's controller and deployer, the {@link RestartableServer} with the
 * test's one application, and that server stopped after each test, whatever happened. A subclass declares its
 * deployment ({@code managed = false}, on {@link RestartableServer#NAME}) and names it.
 */
public abstract class OnRestartableServer {

    @ArquillianResource
    ContainerController servers;
    @ArquillianResource
    Deployer deployer;

    protected RestartableServer server;

    /** The name of the subclass's {@code @Deployment}. */
    protected abstract String deploymentName();

    @BeforeEach
    void describeServer() {
        server = new RestartableServer(servers, deployer, deploymentName());
    }

    @AfterEach
    void stopServer() {
        server.stopIfStarted();
    }
}
