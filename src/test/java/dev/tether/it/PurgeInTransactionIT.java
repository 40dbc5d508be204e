package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.app.PurgeResource;
import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/**
 * A purge started inside the application's own JTA transaction (an {@code @Schedule} method, a
 * {@code @Transactional} bean) takes its lease and deletes outside that transaction, as every other write of
 * Tether does: on the server's JTA data source, a local commit inside it is refused.
 */
@ExtendWith(ArquillianExtension.class)
class PurgeInTransactionIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.app("purge-in-transaction", "").addClass(PurgeResource.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aPurgeCalledInsideATransactionTakesTheLeaseAndRuns() {
        HttpResponse<String> purged = new Client(base).post("api/purge");

        assertThat(purged.statusCode()).as(purged.body()).isEqualTo(200);
        assertThat(purged.body()).isEqualTo("ranHere=true");
    }
}
