package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;


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
 * With {@code tether.codec=jsonb}, beans written as a new user writes them keep their state from request to
 * request and across a restart of the server: their fields are stored, whatever their visibility, final ones too.
 */
@ExtendWith(ArquillianExtension.class)
class JsonbBeansIT extends OnRestartableServer {

    private static final String APP = "jsonb";

    @Deployment(name = APP, managed = false, testable = false)
    @TargetsContainer(RestartableServer.NAME)
    static WebArchive deployment() {
        return Wars.appStoredAsJsonb(APP);
    }

    @Override
    protected String deploymentName() {
        return APP;
    }

    @Test
    void theCartThePrivateCounterAndTheItineraryKeepTheirStateAcrossRequestsAndARestart() throws Exception {
        Client browser = new Client(server.start());
        browser.post("api/plain/cart?item=tea");
        browser.post("api/plain/clicks");
        browser.post("api/plain/itinerary?town=Lyon&nights=2&mode=TRAIN");

        assertThat(browser.post("api/plain/cart?item=milk").body()).isEqualTo("[\"tea\",\"milk\"]");
        assertThat(browser.post("api/plain/clicks").body()).isEqualTo("2");
        assertThat(browser.post("api/plain/itinerary?town=Turin&nights=3&mode=BIKE").body())
                .isEqualTo("Turin x3 {Lyon=2, Turin=3} BIKE");

        server.restart();

        assertThat(browser.get("api/plain/cart").body()).isEqualTo("[\"tea\",\"milk\"]");
        assertThat(browser.post("api/plain/clicks").body()).isEqualTo("3");
        assertThat(browser.get("api/plain/itinerary").body()).isEqualTo("Turin x3 {Lyon=2, Turin=3} BIKE");
    }
}
