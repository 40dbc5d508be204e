package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.support.db.PostgresqlServer;
import dev.tether.it.support.Client;
import dev.tether.it.support.OwnPostgresql;
import dev.tether.it.support.Wars;

/**
 * Sessions in a data source the application defines itself, in {@code web.xml}, and names in
 * {@code tether.datasource}: configuration only, on every server. Payara binds such a data source where the
 * application's start observers cannot look it up yet, so Tether starts its store from the web module too.
 */
@ExtendWith(ArquillianExtension.class)
class WebXmlDataSourceIT {

    private static final OwnPostgresql DATABASE = new OwnPostgresql(
            Integer.getInteger("it.datasource.postgresql.port", 15437), Path.of("target", "web-xml-datasource-postgresql"));

    /** The database starts here, before the server deploys the application that names it. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        PostgresqlServer database = DATABASE.start();
        return Wars.appOnPostgresql("webxml", database.jdbcUrl(), database.user());
    }

    @AfterAll
    static void stopDatabase() {
        DATABASE.stopAndDelete();
    }

    @ArquillianResource
    URL base;

    @Test
    void theSessionLivesInTheDataSourceOfWebXml() throws SQLException {
        Client browser = new Client(base);

        browser.post("api/notes?item=first");
        var read = browser.get("api/notes");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("first");
        assertThat(sessionsStoredIn(DATABASE.server())).isEqualTo(1);
    }

    private static long sessionsStoredIn(PostgresqlServer server) throws SQLException {
        try (Connection connection = server.postgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM tether_session")) {
            count.next();
            return count.getLong(1);
        }
    }
}
