package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.support.Client;
import dev.tether.it.support.RawHttp;
import dev.tether.it.support.Wars;

/**
 * Hostile session cookies over real HTTP: a fresh session (the notes are empty), never a 500 from Tether.
 * That no query runs for them is shown by HostileIdTest, which counts statements.
 */
@ExtendWith(ArquillianExtension.class)
class HostileRequestsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.app("hostile", "");
    }

    @ArquillianResource
    URL base;

    private static String padded(String start) {
        return (start + "A".repeat(43)).substring(0, 43);
    }

    private HttpResponse<String> notesWithCookie(String cookieHeader) {
        return new Client(base).get("api/notes", "Cookie", cookieHeader);
    }

    private static void assertFreshSession(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    /** A fresh session, or the server's own 400 before the application runs (Payara's answer to some cookies). */
    private static void assertFreshSessionOrRefused(int status, String body) {
        assertThat(status).isIn(200, 400);
        if (status == 200) {
            assertThat(body).endsWith("[]");
        }
    }

    private static boolean onWildFly() {
        return "wildfly".equals(System.getProperty("arquillian.launch"));
    }

    @Test
    void anOverLongCookieGetsAFreshSessionOrA400() {
        HttpResponse<String> response = notesWithCookie("SESSION_ID=" + "A".repeat(6_000));

        assertFreshSessionOrRefused(response.statusCode(), response.body());
    }

    @Test
    void severalCookiesOfTheNameGetAFreshSessionEvenWhenOneIsValid() {
        Client owner = new Client(base);
        owner.post("api/notes?item=secret");
        String valid = owner.cookie("SESSION_ID").orElseThrow();

        assertFreshSession(notesWithCookie("SESSION_ID=" + valid + "; SESSION_ID=" + padded("other")));
    }

    @Test
    void sqlMetaCharactersGetAFreshSession() {
        assertFreshSession(notesWithCookie("SESSION_ID=" + padded("'OR'1'='1'--")));
        assertFreshSession(notesWithCookie("SESSION_ID=\"x'; DROP TABLE tether_session; --\""));
    }

    /*
     * Control characters and non-ASCII bytes never reach Tether on WildFly: Weld's request listener asks Undertow
     * for the request's cookies before any filter of the application runs, and Undertow refuses such a cookie
     * (UT000173) with a 500. Neither Tether nor the database sees the request. These tests record that answer
     * so that a server upgrade that changes it is noticed (SECURITY.md); elsewhere they ask for a fresh
     * session or a 400.
     */

    @Test
    void controlCharactersInACookieGetAFreshSessionOrAreRefusedByTheServer() {
        byte[] cookie = ("SESSION_ID=" + padded("\u0001\u0002")).getBytes(StandardCharsets.ISO_8859_1);

        RawHttp.Response response = RawHttp.getWithCookieBytes(base, "api/notes", cookie);

        assertAnsweredBeforeTetherOnWildFly(response);
    }

    @Test
    void nonAsciiCookieBytesGetAFreshSessionOrAreRefusedByTheServer() {
        byte[] cookie = ("SESSION_ID=" + padded("é")).getBytes(StandardCharsets.UTF_8);

        RawHttp.Response response = RawHttp.getWithCookieBytes(base, "api/notes", cookie);

        assertAnsweredBeforeTetherOnWildFly(response);
    }

    private static void assertAnsweredBeforeTetherOnWildFly(RawHttp.Response response) {
        if (onWildFly()) {
            assertThat(response.status()).as("Undertow's answer, given before any application code runs")
                    .isEqualTo(500);
            assertThat(response.body()).as("the server's error page, not the application's JSON")
                    .doesNotStartWith("[");
        } else {
            assertFreshSessionOrRefused(response.status(), response.body());
        }
    }
}
