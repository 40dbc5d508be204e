package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.UUID;

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
 * A login kept in the persistent session outlives the server process: the restartable server of arquillian.xml
 * is stopped and started again between two requests of the same browser. Its default data source is a file.
 */
@ExtendWith(ArquillianExtension.class)
class LoginSurvivesRestartIT {

    private static final String SERVER = "restartable";
    private static final String APP = "restart-login";

    @Deployment(name = APP, managed = false, testable = false)
    @TargetsContainer(SERVER)
    static WebArchive deployment() {
        return Wars.appWithSessionLogin(APP);
    }

    @ArquillianResource
    ContainerController server;
    @ArquillianResource
    Deployer deployer;

    private static URL base() {
        try {
            return new URL(System.getProperty("it.restartable.url") + APP + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopServer() {
        if (server.isStarted(SERVER)) {
            try {
                deployer.undeploy(APP);
            } finally {
                server.stop(SERVER);
            }
        }
    }

    @Test
    void aLoginSurvivesARestartUntilTheUserLogsOutEverywhere() {
        String user = "alice-" + UUID.randomUUID();
        server.start(SERVER);
        deployer.deploy(APP);
        Client browser = new Client(base());
        browser.post("api/account/login?user=" + user);
        browser.post("api/notes?item=kept");

        restartTheServer();

        assertThat(browser.get("api/account/whoami").body()).isEqualTo(user);
        assertThat(browser.get("api/notes").body()).isEqualTo("[\"kept\"]");
        Client phone = new Client(base());
        phone.post("api/account/login?user=" + user);
        assertThat(phone.post("api/account/logout-everywhere").body()).isEqualTo("2");
        assertThat(browser.get("api/account/whoami").body()).isEqualTo("anonymous");
        assertThat(browser.get("api/notes").body()).isEqualTo("[]");
    }

    /** The application goes down and up with its server, as a Payara Micro process does with its deployment. */
    private void restartTheServer() {
        deployer.undeploy(APP);
        server.stop(SERVER);
        server.start(SERVER);
        deployer.deploy(APP);
    }
}
