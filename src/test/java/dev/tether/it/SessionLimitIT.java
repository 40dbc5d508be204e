package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/** At most two sessions per user, with the refuse policy: a third login is a 409 problem, and changes nothing. */
@ExtendWith(ArquillianExtension.class)
class SessionLimitIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.app("limit", """
                tether.authentication-mechanism=true
                tether.max-sessions-per-principal=2
                tether.max-sessions-policy=refuse
                """);
    }

    @ArquillianResource
    URL base;

    /** A user of its own per test: the test server's database outlives single runs. */
    private final String user = "erin-" + UUID.randomUUID();

    @Test
    void aLoginBeyondTheLimitIsAConflictWithAProblemBodyAndChangesNothing() {
        Client laptop = new Client(base);
        Client phone = new Client(base);
        Client tablet = new Client(base);
        laptop.post("api/account/login?user=" + user);
        phone.post("api/account/login?user=" + user);
        tablet.post("api/notes?item=tablet");

        HttpResponse<String> refused = tablet.post("api/account/login?user=" + user);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"title\":\"Too many sessions\"").doesNotContain(user);
        assertThat(tablet.get("api/account/whoami").body()).isEqualTo("anonymous");
        assertThat(tablet.get("api/notes").body()).isEqualTo("[\"tablet\"]");
        assertThat(laptop.get("api/account/whoami").body()).isEqualTo(user);
        assertThat(phone.get("api/account/sessions").body()).isEqualTo("2");
    }

    @Test
    void afterEndingOneSessionTheUserCanLogInAgain() {
        Client laptop = new Client(base);
        Client phone = new Client(base);
        laptop.post("api/account/login?user=" + user);
        phone.post("api/account/login?user=" + user);
        String phoneHandle = laptop.get("api/account/sessions/list").body().split("\n")[1].split(" ")[0];
        laptop.post("api/account/sessions/end?handle=" + phoneHandle);

        HttpResponse<String> again = new Client(base).post("api/account/login?user=" + user);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(laptop.get("api/account/sessions").body()).isEqualTo("2");
    }
}
