package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/** An application with its own default persistence unit deploys and works beside Tether. */
@ExtendWith(ArquillianExtension.class)
class OwnPersistenceUnitIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.appWithOwnPersistenceUnit("own");
    }

    @ArquillianResource
    URL base;

    @Test
    void theApplicationsUnnamedPersistenceContextAndAPersistentBeanWorkInOneRequest() {
        Client browser = new Client(base);

        var saved = browser.post("api/own?text=first");

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).isEqualTo("1");
        assertThat(browser.get("api/notes").body()).isEqualTo("[\"first\"]");
    }
}
