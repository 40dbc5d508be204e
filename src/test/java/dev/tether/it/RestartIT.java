package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.support.Client;
import dev.tether.it.support.OnRestartableServer;
import dev.tether.it.support.RestartableServer;
import dev.tether.it.support.Wars;

/**
 * Request 1, the server stops, the server starts, request 2: the Apache::Session flow across a real restart.
 * The server's default data source is a file-backed H2 (the build points WildFly's ExampleDS at a file; Payara's
 * is one already, kept by the restartable server's fixed root directory).
 */
@ExtendWith(ArquillianExtension.class)
class RestartIT extends OnRestartableServer {

    private static final String APP = "restart";

    @Deployment(name = APP, managed = false, testable = false)
    @TargetsContainer(RestartableServer.NAME)
    static WebArchive deployment() {
        return Wars.appWithInterceptedBeans(APP);
    }

    @Override
    protected String deploymentName() {
        return APP;
    }

    @Test
    void theSessionSurvivesARestartOfTheServer() throws Exception {
        Client browser = new Client(server.start());
        browser.post("api/notes?item=before-restart");
        String id = browser.cookie("SESSION_ID").orElseThrow();

        server.restart();

        assertThat(browser.get("api/notes").body()).isEqualTo("[\"before-restart\"]");
        assertThat(browser.cookie("SESSION_ID")).hasValue(id);
    }

    @Test
    void aBeanWithAnInterceptorBindingKeepsCountingAfterARestartAndItsInterceptorStillRuns() throws Exception {
        URL app = server.start();
        Client browser = new Client(app);
        browser.post("api/counters/intercepted");
        browser.post("api/counters/intercepted");

        server.restart();

        assertThat(browser.post("api/counters/intercepted").body()).isEqualTo("3");
        assertThat(new Client(app).get("api/counters/intercepted/calls").body()).isEqualTo("1");
    }
}
