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

/** Every cookie attribute comes from configuration (here the WAR's microprofile-config.properties). */
@ExtendWith(ArquillianExtension.class)
class CookieSettingsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.app("custom", """
                tether.cookie.name=SID
                tether.cookie.same-site=Strict
                tether.cookie.path=/custom/api
                tether.cookie.domain=shop.example
                tether.cookie.max-age=PT1H
                tether.cookie.secure=true
                tether.cookie.http-only=false
                """);
    }

    @ArquillianResource
    URL base;

    @Test
    void theCookieCarriesTheConfiguredNameAndAttributes() {
        var response = new Client(base).post("api/notes?item=x");

        assertThat(Client.setCookies(response)).singleElement().satisfies(cookie -> assertThat(cookie)
                .matches("SID=[A-Za-z0-9_-]{43}; .*")
                .contains("; Max-Age=3600", "; Path=/custom/api", "; Domain=shop.example", "; Secure",
                        "; SameSite=Strict")
                .doesNotContain("HttpOnly"));
    }
}
