package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/** The HTTP boundary on a real server (WildFly, then Payara), driven by a real HTTP client that keeps cookies. */
@ExtendWith(ArquillianExtension.class)
class HttpBoundaryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.appWithExplicitApplication("shop");
    }

    @ArquillianResource
    URL base;

    private String sessionCookie(HttpResponse<?> response) {
        return Client.setCookies(response).stream().filter(c -> c.startsWith("SESSION_ID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no SESSION_ID cookie in " + Client.headers(response)));
    }

    private static String valueOf(String setCookie) {
        return setCookie.substring("SESSION_ID=".length(), setCookie.indexOf(';'));
    }

    @Test
    void theSecondRequestWithTheCookieReadsWhatTheFirstStored() {
        Client browser = new Client(base);

        HttpResponse<String> first = browser.post("api/notes?item=tom");
        HttpResponse<String> second = browser.get("api/notes");

        assertThat(sessionCookie(first)).isNotEmpty();
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("[\"tom\"]");
        assertThat(Client.setCookies(second)).isEmpty();
    }

    @Test
    void aRequestThatTouchesNothingGetsNoCookie() {
        HttpResponse<String> response = new Client(base).get("api/nothing");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Client.setCookies(response)).isEmpty();
    }

    @Test
    void aRequestThatOnlyReadsAFreshBeanGetsNoCookie() {
        HttpResponse<String> response = new Client(base).get("api/peek");

        assertThat(response.body()).isEqualTo("items: 0");
        assertThat(Client.setCookies(response)).isEmpty();
    }

    @Test
    void theCookieCarriesTheDefaultAttributes() {
        String cookie = sessionCookie(new Client(base).post("api/notes?item=x"));

        assertThat(cookie).matches("SESSION_ID=[A-Za-z0-9_-]{43}; .*")
                .contains("; Max-Age=2592000", "; Path=/shop", "; HttpOnly", "; SameSite=Lax")
                .doesNotContain("Secure", "Domain");
    }

    @Test
    void invalidateSendsAnExpiringCookieAndTheOldIdStartsFresh() {
        Client browser = new Client(base);
        String oldId = valueOf(sessionCookie(browser.post("api/notes?item=tom")));

        HttpResponse<String> invalidated = browser.post("api/invalidate");

        assertThat(sessionCookie(invalidated)).startsWith("SESSION_ID=;").contains("Max-Age=0");
        HttpResponse<String> replay = new Client(base).get("api/notes", "Cookie", "SESSION_ID=" + oldId);
        assertThat(replay.body()).isEqualTo("[]");
    }

    @Test
    void rotateIdSendsTheNewCookieKeepsTheDataAndTheOldIdStartsFresh() {
        Client browser = new Client(base);
        String oldId = valueOf(sessionCookie(browser.post("api/notes?item=tom")));

        HttpResponse<String> rotated = browser.post("api/rotate");

        String newId = valueOf(sessionCookie(rotated));
        assertThat(newId).isEqualTo(rotated.body()).isNotEqualTo(oldId);
        assertThat(browser.get("api/notes").body()).isEqualTo("[\"tom\"]");
        assertThat(new Client(base).get("api/notes", "Cookie", "SESSION_ID=" + oldId).body()).isEqualTo("[]");
    }

    @Test
    void twoRequestsChangingTheSameBeanAtOnceGiveOneConflictAndLoseNothing() {
        Client first = new Client(base);
        first.post("api/tally");
        Client second = first.sharingCookiesWith("SESSION_ID");

        var one = CompletableFuture.supplyAsync(() -> first.post("api/tally/overlapping"));
        var two = CompletableFuture.supplyAsync(() -> second.post("api/tally/overlapping"));
        List<HttpResponse<String>> responses = List.of(one.join(), two.join());

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> conflict = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(conflict.body()).contains("\"status\":409");
        assertThat(first.get("api/tally").body()).isEqualTo("2");
    }

    @Test
    void fourClientsOfTwentyFiveIncrementsEachEndAtTheNumberOfSuccesses() {
        Client owner = new Client(base);
        owner.post("api/tally");
        List<CompletableFuture<List<Integer>>> clients = new java.util.ArrayList<>();
        for (int c = 0; c < 4; c++) {
            Client client = owner.sharingCookiesWith("SESSION_ID");
            clients.add(CompletableFuture.supplyAsync(() -> {
                List<Integer> statuses = new java.util.ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    statuses.add(client.post("api/tally").statusCode());
                }
                return statuses;
            }));
        }
        List<Integer> statuses = clients.stream().flatMap(c -> c.join().stream()).toList();

        long successes = statuses.stream().filter(s -> s == 200).count();
        assertThat(statuses).hasSize(100).allMatch(s -> s == 200 || s == 409);
        assertThat(owner.get("api/tally").body()).isEqualTo(String.valueOf(1 + successes));
    }

    @Test
    void aResourceCanReturnThePersistentBeanAsJson() {
        Client browser = new Client(base);
        browser.post("api/notes?item=tom");

        HttpResponse<String> response = browser.get("api/notes/bean");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"title\":\"untitled\"").contains("\"items\":[\"tom\"]");
    }

    @Test
    void anApplicationThatListsItsClassesWithTetherFeatureStoresAndReturnsTheBean() {
        Client browser = new Client(base);
        browser.post("explicit/notes?item=listed");

        HttpResponse<String> response = browser.get("explicit/notes/bean");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"items\":[\"listed\"]");
    }

    @Test
    void aPlainServletUsesTheSamePersistentBeans() {
        Client browser = new Client(base);

        HttpResponse<String> posted = browser.postForm("servlet/notes", "item=dick");

        assertThat(posted.body()).isEqualTo("dick");
        assertThat(sessionCookie(posted)).isNotEmpty();
        assertThat(browser.get("servlet/notes").body()).isEqualTo("dick");
        assertThat(browser.get("api/notes").body()).isEqualTo("[\"dick\"]");
    }

    @Test
    void anAsynchronousResourceWritesBackBeforeItsResponseIsSent() {
        Client browser = new Client(base);

        HttpResponse<String> response = browser.post("api/async/notes?item=harry");

        assertThat(response.body()).isEqualTo("[\"harry\"]");
        assertThat(sessionCookie(response)).isNotEmpty();
        assertThat(browser.get("api/notes").body()).isEqualTo("[\"harry\"]");
    }

    @Test
    void aMalformedCookieGetsAFreshSessionNotAnError() {
        HttpResponse<String> response = new Client(base).get("api/notes", "Cookie", "SESSION_ID=../../etc/passwd");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }
}
