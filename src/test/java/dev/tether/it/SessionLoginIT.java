package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/**
 * Logins kept in the persistent session, with tether.authentication-mechanism=true: the container knows the
 * caller from the session alone; "log out everywhere" ends every session of the user.
 */
@ExtendWith(ArquillianExtension.class)
class SessionLoginIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.appWithSessionLogin("login");
    }

    @ArquillianResource
    URL base;

    /** A user of its own per test: the test server's database outlives single runs. */
    private final String user = "alice-" + UUID.randomUUID();

    @Test
    void withoutALoginTheCallerIsAnonymous() {
        assertThat(new Client(base).get("api/account/whoami").body()).isEqualTo("anonymous");
    }

    @Test
    void afterTheLoginTheContainerKnowsTheCallerFromTheSession() {
        Client browser = new Client(base);

        browser.post("api/account/login?user=" + user);

        assertThat(browser.get("api/account/whoami").body()).isEqualTo(user);
    }

    @Test
    void theLoginRotatesTheSessionId() {
        Client browser = new Client(base);
        browser.post("api/notes?item=before-login");
        String before = browser.cookie("SESSION_ID").orElseThrow();

        browser.post("api/account/login?user=" + user);

        String after = browser.cookie("SESSION_ID").orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(new Client(base).get("api/account/whoami", "Cookie", "SESSION_ID=" + before).body())
                .isEqualTo("anonymous");
        assertThat(browser.get("api/notes").body()).isEqualTo("[\"before-login\"]");
    }

    @Test
    void everySessionOfTheUserIsListed() {
        Client laptop = new Client(base);
        Client phone = new Client(base);
        laptop.post("api/account/login?user=" + user);
        phone.post("api/account/login?user=" + user);

        assertThat(phone.get("api/account/sessions").body()).isEqualTo("2");
    }

    @Test
    void logOutEverywhereFromASecondClientMakesTheFirstAnonymous() {
        Client laptop = new Client(base);
        Client phone = new Client(base);
        laptop.post("api/account/login?user=" + user);
        phone.post("api/account/login?user=" + user);

        String ended = phone.post("api/account/logout-everywhere").body();

        assertThat(ended).isEqualTo("2");
        assertThat(laptop.get("api/account/whoami").body()).isEqualTo("anonymous");
    }
}
