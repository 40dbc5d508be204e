package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.app.LoadedCopiesResource;
import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/**
 * Undeploying an application lets go of all of Tether at once: nothing of the old deployment (its purge schedule
 * above all, due only after {@code tether.purge-interval}) keeps its classes and class loader alive. Counted with
 * the JVM's class histogram after a full collection, across every deployment's copy of the Tether jar.
 *
 * <p>WildFly only: Payara Micro's adapter starts a new server process for every deployment, so there is no
 * redeploy within one JVM to check there.
 */
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly", disabledReason = "one JVM to redeploy in")
@ExtendWith(ArquillianExtension.class)
class RedeployIT {

    private static final String APP = "redeploy";
    private static final int REDEPLOYS = 4;

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive deployment() {
        return Wars.app(APP, "").addClass(LoadedCopiesResource.class);
    }

    @ArquillianResource
    Deployer deployer;

    private boolean deployed;

    @AfterEach
    void undeploy() {
        if (deployed) {
            deployer.undeploy(APP);
        }
    }

    @Test
    void undeployedCopiesOfTetherDoNotAddUp() throws MalformedURLException {
        deploy();
        useTheSession();
        long before = liveTetherExtensions();

        for (int i = 0; i < REDEPLOYS; i++) {
            deployer.undeploy(APP);
            deployed = false;
            deploy();
            useTheSession();
        }
        long after = liveTetherExtensions();

        // the server also holds the copies of other test classes' applications, so only the growth counts; with the
        // purge on the server's scheduler every undeployed copy stayed (growth REDEPLOYS). One copy of an application
        // undeployed last may stay reachable a while longer by some reference outside Tether: it never adds up
        assertThat(after - before).as("live Tether extensions before (%d) and after (%d) %d redeploys", before, after,
                REDEPLOYS).isLessThanOrEqualTo(1);
    }

    /** Live instances of Tether's CDI extension in the whole server, one per deployment that is still reachable. */
    private static long liveTetherExtensions() throws MalformedURLException {
        HttpResponse<String> copies = client().get("api/copies?of=dev.tether.context.TetherExtension");
        assertThat(copies.statusCode()).as(copies.body()).isEqualTo(200);
        return Long.parseLong(copies.body());
    }

    private void deploy() {
        deployer.deploy(APP);
        deployed = true;
    }

    /** A request that stores a session, so the unit of work, the store and the purge schedule are all running. */
    private void useTheSession() throws MalformedURLException {
        HttpResponse<String> stored = client().post("api/notes?item=kept");
        assertThat(stored.statusCode()).as(stored.body()).isBetween(200, 299);
    }

    private static Client client() throws MalformedURLException {
        int http = 8080 + Integer.getInteger("server.offset", 100);
        return new Client(URI.create("http://127.0.0.1:" + http + "/" + APP + "/").toURL());
    }
}
