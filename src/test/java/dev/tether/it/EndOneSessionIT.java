package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Arrays;
import java.util.List;
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
 * An account page's "where you are logged in": a user with three sessions ends one from another by its handle.
 * The ended one is logged out and starts afresh; the other two live on.
 */
@ExtendWith(ArquillianExtension.class)
class EndOneSessionIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.appWithSessionLogin("end-one");
    }

    @ArquillianResource
    URL base;

    /** A user of its own per test: the test server's database outlives single runs. */
    private final String user = "carol-" + UUID.randomUUID();

    private Client loggedIn(String note) {
        Client client = new Client(base);
        client.post("api/notes?item=" + note);
        client.post("api/account/login?user=" + user);
        return client;
    }

    /** The lines of the account page as {@code client} sees it: handle, current or other, bytes. */
    private static List<String[]> sessionList(Client client) {
        return Arrays.stream(client.get("api/account/sessions/list").body().split("\n"))
                .map(line -> line.split(" ")).toList();
    }

    @Test
    void theAccountPageListsEachSessionOnceAndMarksTheCallersOwn() {
        loggedIn("laptop");
        Client phone = loggedIn("phone");
        loggedIn("tablet");

        List<String[]> listed = sessionList(phone);

        assertThat(listed).hasSize(3);
        assertThat(listed).extracting(line -> line[1]).containsExactly("other", "current", "other");
        assertThat(listed).allSatisfy(line -> assertThat(Long.parseLong(line[2])).isPositive());
        String body = phone.get("api/account/sessions/list").body();
        assertThat(body).doesNotContain(phone.cookie("SESSION_ID").orElseThrow());
    }

    @Test
    void aSessionEndedFromAnotherByItsHandleStartsAfreshAndTheOtherTwoLiveOn() {
        Client laptop = loggedIn("laptop");
        Client phone = loggedIn("phone");
        Client tablet = loggedIn("tablet");
        String phoneId = phone.cookie("SESSION_ID").orElseThrow();
        String phoneHandle = sessionList(laptop).get(1)[0];

        String ended = laptop.post("api/account/sessions/end?handle=" + phoneHandle).body();

        assertThat(ended).isEqualTo("true");
        assertThat(phone.get("api/account/whoami").body()).isEqualTo("anonymous");
        assertThat(phone.get("api/notes").body()).isEqualTo("[]");
        phone.post("api/notes?item=again");
        assertThat(phone.cookie("SESSION_ID").orElseThrow()).isNotEqualTo(phoneId);
        assertThat(laptop.get("api/notes").body()).isEqualTo("[\"laptop\"]");
        assertThat(tablet.get("api/notes").body()).isEqualTo("[\"tablet\"]");
        assertThat(tablet.get("api/account/whoami").body()).isEqualTo(user);
        assertThat(sessionList(laptop)).hasSize(2);
    }

    @Test
    void endingTheSameHandleAgainEndsNothing() {
        Client laptop = loggedIn("laptop");
        loggedIn("phone");
        String phoneHandle = sessionList(laptop).get(1)[0];
        laptop.post("api/account/sessions/end?handle=" + phoneHandle);

        String again = laptop.post("api/account/sessions/end?handle=" + phoneHandle).body();

        assertThat(again).isEqualTo("false");
        assertThat(laptop.get("api/account/whoami").body()).isEqualTo(user);
    }

    @Test
    void aUserCannotEndAnotherUsersSession() {
        Client other = new Client(base);
        other.post("api/notes?item=others");
        other.post("api/account/login?user=dave-" + UUID.randomUUID());
        String othersHandle = sessionList(other).get(0)[0];
        Client mine = loggedIn("mine");

        String ended = mine.post("api/account/sessions/end?handle=" + othersHandle).body();

        assertThat(ended).isEqualTo("false");
        assertThat(other.get("api/notes").body()).isEqualTo("[\"others\"]");
    }
}
