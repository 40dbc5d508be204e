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

/**
 * A cookie name with the {@code __Host-} prefix (SECURITY.md): no other host of the domain can set a cookie of
 * that name, so none can plant a second one beside it. Tether sends it with the attributes the prefix requires
 * and reads it back.
 */
@ExtendWith(ArquillianExtension.class)
class HostPrefixCookieIT {

    private static final String NAME = "__Host-SID";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.app("hostcookie", """
                tether.cookie.name=__Host-SID
                tether.cookie.path=/
                tether.cookie.secure=true
                """);
    }

    @ArquillianResource
    URL base;

    @Test
    void theCookieCarriesThePrefixAndItsAttributesAndIsReadBack() {
        var first = new Client(base).post("api/notes?item=hosted");

        String cookie = Client.setCookies(first).stream().filter(c -> c.startsWith(NAME + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + NAME + " cookie in " + Client.headers(first)));
        assertThat(cookie).matches(NAME + "=[A-Za-z0-9_-]{43}; .*").contains("; Path=/;", "; Secure")
                .doesNotContain("Domain");
        String id = cookie.substring(NAME.length() + 1, cookie.indexOf(';'));
        // the test talks plain HTTP, where a client keeps no Secure cookie: it sends the cookie itself
        var second = new Client(base).get("api/notes", "Cookie", NAME + "=" + id);
        assertThat(second.body()).isEqualTo("[\"hosted\"]");
    }
}
