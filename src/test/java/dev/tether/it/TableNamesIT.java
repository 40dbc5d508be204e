package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

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
 * On the server's own JPA provider and default database (H2 on all four), a deployment with a table prefix and a
 * schema keeps its sessions in its own tables: created at start, written, read and purged there. The purge runs only
 * if the renamed lease table has its row.
 */
@ExtendWith(ArquillianExtension.class)
class TableNamesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.app("renamed", "tether.table-prefix=renamed_\ntether.schema.name=PUBLIC\n")
                .addClass(PurgeResource.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void sessionsAreStoredReadAndPurgedInTheRenamedTables() {
        Client client = new Client(base);
        client.post("api/notes?item=tom");

        assertThat(client.get("api/notes").body()).isEqualTo("[\"tom\"]");
        assertThat(new Client(base).post("api/purge").body()).isEqualTo("ranHere=true");
    }
}
