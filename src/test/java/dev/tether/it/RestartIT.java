package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Request 1, the server stops, the server starts, request 2: the Apache::Session flow across a real restart.
 * The server's default data source is a file-backed H2 (the build points WildFly's ExampleDS at a file; Payara's
 * is one already, kept by the restartable server's fixed root directory).
 */
@ExtendWith(ArquillianExtension.class)
class RestartIT {

    private static final String SERVER = "restartable";
    private static final String APP = "restart";

    @Deployment(name = APP, managed = false, testable = false)
    @TargetsContainer(SERVER)
    static WebArchive deployment() {
        return Wars.appWithInterceptedBeans(APP);
    }

    @ArquillianResource
    ContainerController servers;
    @ArquillianResource
    Deployer deployer;

    @AfterEach
    void stopServer() {
        if (servers.isStarted(SERVER)) {
            try {
                deployer.undeploy(APP);
            } finally {
                servers.stop(SERVER);
            }
        }
    }

    @Test
    void theSessionSurvivesARestartOfTheServer() throws Exception {
        servers.start(SERVER);
        deployer.deploy(APP);
        Client browser = new Client(new URL(System.getProperty("it.restartable.url") + APP + "/"));
        browser.post("api/notes?item=before-restart");
        String id = browser.cookie("SESSION_ID").orElseThrow();

        restartTheServer();

        assertThat(browser.get("api/notes").body()).isEqualTo("[\"before-restart\"]");
        assertThat(browser.cookie("SESSION_ID")).hasValue(id);
    }

    @Test
    void aBeanWithAnInterceptorBindingKeepsCountingAfterARestartAndItsInterceptorStillRuns() throws Exception {
        servers.start(SERVER);
        deployer.deploy(APP);
        URL app = new URL(System.getProperty("it.restartable.url") + APP + "/");
        Client browser = new Client(app);
        browser.post("api/counters/intercepted");
        browser.post("api/counters/intercepted");

        restartTheServer();

        assertThat(browser.post("api/counters/intercepted").body()).isEqualTo("3");
        assertThat(new Client(app).get("api/counters/intercepted/calls").body()).isEqualTo("1");
    }

    /** The application goes down and up with its server: a Payara Micro process lives exactly as long as its deployment. */
    private void restartTheServer() {
        deployer.undeploy(APP);
        servers.stop(SERVER);
        servers.start(SERVER);
        deployer.deploy(APP);
    }
}
