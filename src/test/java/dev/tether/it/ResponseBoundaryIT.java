package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/**
 * Every way a response can commit or be rewritten after the write-back keeps what the write-back promised: the
 * new cookie reaches the client and the change is saved. Run on WildFly (Servlet 6.1) and Payara (Servlet 6.0).
 */
@ExtendWith(ArquillianExtension.class)
class ResponseBoundaryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.appWithCommittingServlet("boundary");
    }

    @ArquillianResource
    URL base;

    private static void assertTheNewSessionHolds(Client browser, HttpResponse<String> response, String item) {
        assertThat(Client.setCookies(response)).as("Set-Cookie of %s", Client.headers(response))
                .anyMatch(cookie -> cookie.startsWith("SESSION_ID=") && !cookie.startsWith("SESSION_ID=;"));
        assertThat(browser.get("api/notes").body()).isEqualTo("[\"" + item + "\"]");
    }

    /** Servlet 6.1's three new redirects; a 6.0 server (Payara 6) makes the plain one instead. */
    @ParameterizedTest
    @CsvSource({"redirect-with-status, 303", "redirect-keeping-buffer, 302", "redirect-with-status-keeping-buffer, 303"})
    void aRedirectOfServlet61CarriesTheNewCookie(String kind, int status) {
        Client browser = new Client(base);

        HttpResponse<String> response = browser.post("servlet/commit/" + kind + "?item=moved");

        boolean servlet61 = response.headers().firstValue("X-Servlet-Version").orElseThrow().equals("6.1");
        assertThat(response.statusCode()).isEqualTo(servlet61 ? status : 302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/servlet/notes"));
        assertTheNewSessionHolds(browser, response, "moved");
    }

    @Test
    void aRedirectWithAStatusWhoseChangesCannotBeSavedBecomesAServerError() {
        HttpResponse<String> response =
                new Client(base).post("servlet/commit/redirect-with-status?item=lost&unsaveable");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aResetAfterTheWriteBackKeepsTheNewCookie() {
        Client browser = new Client(base);

        HttpResponse<String> response = browser.post("servlet/commit/reset?item=kept");

        assertThat(response.body()).isEqualTo("an error page after a reset");
        assertTheNewSessionHolds(browser, response, "kept");
    }

    @Test
    void theContainersErrorPageAfterTheWriteBackKeepsTheNewCookie() {
        Client browser = new Client(base);

        HttpResponse<String> response = browser.post("servlet/commit/fail-after-first-byte?item=kept");

        assertThat(response.statusCode()).isEqualTo(500);
        assertTheNewSessionHolds(browser, response, "kept");
    }

    @Test
    void anAsynchronousServletThatWritesFromAnotherThreadCarriesTheNewCookie() {
        Client browser = new Client(base);

        HttpResponse<String> response = browser.post("servlet/commit/async-body?item=later");

        assertThat(response.body()).isEqualTo("later");
        assertTheNewSessionHolds(browser, response, "later");
    }

    /**
     * The response committed before the write-back: where the server hands the application its own response (Payara),
     * the new session is not stored, since its ID could never reach the client; where it hands out Tether's
     * (WildFly), the cookie arrives as usual. Either way no session is stored that no client can present.
     */
    @Test
    void anAsynchronousServletAroundTetherStoresNoSessionTheClientCannotPresent() {
        Client browser = new Client(base);
        long created = sessionsCreated(new Client(base));

        HttpResponse<String> response = browser.post("servlet/commit/async-around-tether?item=unseen");

        assertThat(response.body()).isEqualTo("unseen");
        boolean cookieSent = Client.setCookies(response).stream()
                .anyMatch(cookie -> cookie.startsWith("SESSION_ID=") && !cookie.startsWith("SESSION_ID=;"));
        if (cookieSent) {
            assertTheNewSessionHolds(browser, response, "unseen");
        } else {
            assertThat(sessionsCreated(new Client(base))).isEqualTo(created);
        }
    }

    private static long sessionsCreated(Client client) {
        String figures = client.get("api/statistics").body();
        Matcher created = Pattern.compile("\"sessionsCreated\":(\\d+)").matcher(figures);
        assertThat(created.find()).as(figures).isTrue();
        return Long.parseLong(created.group(1));
    }

    @Test
    void anAsynchronousServletThatCompletesWithoutABodyCarriesTheNewCookie() {
        Client browser = new Client(base);

        HttpResponse<String> response = browser.post("servlet/commit/async-no-body?item=quiet");

        assertThat(response.statusCode()).isEqualTo(204);
        assertTheNewSessionHolds(browser, response, "quiet");
    }

    @Test
    void anAsynchronousDispatchContinuesTheUnitSoTheTargetsChangesAreStoredToo() {
        Client browser = new Client(base);

        HttpResponse<String> response = browser.post("servlet/commit/async-dispatch?item=handed");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("handed,handed dispatched");
        assertThat(browser.get("api/notes").body()).isEqualTo("[\"handed\",\"handed dispatched\"]");
    }

    @Test
    void anAsynchronousDispatchWhoseTargetFailsStoresNothingOfTheRequest() {
        Client browser = new Client(base);
        browser.post("api/notes?item=before");

        HttpResponse<String> response = browser.post("servlet/commit/async-dispatch-fails?item=lost");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(browser.get("api/notes").body()).isEqualTo("[\"before\"]");
    }

    @Test
    void aResponseThatHandsOutANewIdIsNeitherStoredNorSharedByCaches() {
        Client browser = new Client(base);

        HttpResponse<String> first = browser.post("api/notes?item=private");
        HttpResponse<String> second = browser.get("api/notes");

        assertThat(first.headers().allValues("Cache-Control")).anyMatch(value -> value.contains("no-store"));
        assertThat(first.headers().allValues("Vary")).anyMatch(value -> value.contains("Cookie"));
        assertThat(Client.setCookies(second)).isEmpty();
        assertThat(second.headers().allValues("Cache-Control")).noneMatch(value -> value.contains("no-store"));
    }

    @Test
    void aServerErrorNamesNoClassAndGivesAnIncidentReference() {
        HttpResponse<String> response = new Client(base).post("api/scrapbook");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":500").containsPattern("\"incident\":\"[0-9a-f]{8}\"")
                .doesNotContain("java.", "dev.tether", "Serializable");
    }
}
