package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.UUID;

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
 * A login kept in the persistent session outlives the server process: the restartable server of arquillian.xml
 * is stopped and started again between two requests of the same browser. Its default data source is a file.
 */
@ExtendWith(ArquillianExtension.class)
class LoginSurvivesRestartIT extends OnRestartableServer {

    private static final String APP = "restart-login";

    @Deployment(name = APP, managed = false, testable = false)
    @TargetsContainer(RestartableServer.NAME)
    static WebArchive deployment() {
        return Wars.appWithSessionLogin(APP);
    }

    @Override
    protected String deploymentName() {
        return APP;
    }

    @Test
    void aLoginSurvivesARestartUntilTheUserLogsOutEverywhere() throws Exception {
        String user = "alice-" + UUID.randomUUID();
        URL app = server.start();
        Client browser = new Client(app);
        browser.post("api/account/login?user=" + user);
        browser.post("api/notes?item=kept");

        server.restart();

        assertThat(browser.get("api/account/whoami").body()).isEqualTo(user);
        assertThat(browser.get("api/notes").body()).isEqualTo("[\"kept\"]");
        Client phone = new Client(app);
        phone.post("api/account/login?user=" + user);
        assertThat(phone.post("api/account/logout-everywhere").body()).isEqualTo("2");
        assertThat(browser.get("api/account/whoami").body()).isEqualTo("anonymous");
        assertThat(browser.get("api/notes").body()).isEqualTo("[]");
    }
}
