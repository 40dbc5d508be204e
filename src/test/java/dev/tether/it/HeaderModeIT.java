package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/** API clients without cookies: the ID travels in a header both ways. */
@ExtendWith(ArquillianExtension.class)
class HeaderModeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.app("api", "tether.header.name=X-Session-Id\n");
    }

    @ArquillianResource
    URL base;

    @Test
    void theIdIsReturnedInTheHeaderAndReadFromIt() {
        var first = new Client(base).post("api/notes?item=tom");
        String id = first.headers().firstValue("X-Session-Id").orElseThrow();

        var second = new Client(base).get("api/notes", "X-Session-Id", id);

        assertThat(Client.setCookies(first)).isEmpty();
        assertThat(second.body()).isEqualTo("[\"tom\"]");
        assertThat(second.headers().firstValue("X-Session-Id")).isEmpty();
    }

    @Test
    void aResponseThatHandsOutAnIdIsNeitherStoredNorSharedByCaches() {
        var first = new Client(base).post("api/notes?item=tom");

        assertThat(first.headers().allValues("Cache-Control")).anyMatch(value -> value.contains("no-store"));
        assertThat(first.headers().allValues("Vary")).anyMatch(value -> value.contains("X-Session-Id"));
    }

    @Test
    void aCookieBesideTheHeaderIsIgnored() {
        String id = new Client(base).post("api/notes?item=tom").headers().firstValue("X-Session-Id").orElseThrow();

        var mixed = new Client(base).get("api/notes", "X-Session-Id", id, "Cookie", "SESSION_ID=" + "A".repeat(43));

        assertThat(mixed.statusCode()).isEqualTo(200);
        assertThat(mixed.body()).isEqualTo("[\"tom\"]");
    }

    @Test
    void theSessionCookieAloneIsNoIdInHeaderMode() {
        String id = new Client(base).post("api/notes?item=tom").headers().firstValue("X-Session-Id").orElseThrow();

        var planted = new Client(base).get("api/notes", "Cookie", "SESSION_ID=" + id);

        assertThat(planted.statusCode()).isEqualTo(200);
        assertThat(planted.body()).isEqualTo("[]");
    }

    @Test
    void aHeaderSentTwiceIsNoId() {
        String id = new Client(base).post("api/notes?item=tom").headers().firstValue("X-Session-Id").orElseThrow();

        var repeated = new Client(base).get("api/notes", "X-Session-Id", id, "X-Session-Id", "A".repeat(43));

        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(repeated.body()).isEqualTo("[]");
    }

    @Test
    void invalidateReturnsAnEmptyHeader() {
        String id = new Client(base).post("api/notes?item=tom").headers().firstValue("X-Session-Id").orElseThrow();

        var invalidated = new Client(base).post("api/invalidate", "X-Session-Id", id);

        assertThat(invalidated.headers().firstValue("X-Session-Id")).hasValue("");
        assertThat(new Client(base).get("api/notes", "X-Session-Id", id).body()).isEqualTo("[]");
    }
}
