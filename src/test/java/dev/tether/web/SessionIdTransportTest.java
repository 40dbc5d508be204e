package dev.tether.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import dev.tether.config.CookieSettings;

/** Where the ID comes from, and that anything ambiguous counts as no ID at all. */
class SessionIdTransportTest {

    private static final String ID = "A".repeat(43);
    private static final String OTHER = "B".repeat(43);

    private static final CookieSettings COOKIE = new CookieSettings("SESSION_ID", true, Optional.empty(),
            Optional.of("Lax"), Optional.empty(), Optional.empty(), Optional.of(Duration.ofDays(30)));

    private final SessionIdTransport cookieOnly = new SessionIdTransport(COOKIE, Optional.empty());
    private final SessionIdTransport withHeader = new SessionIdTransport(COOKIE, Optional.of("X-Session-Id"));

    /** A request with these cookies and headers, and nothing else. */
    private static HttpServletRequest request(Cookie[] cookies, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(SessionIdTransportTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCookies" -> cookies;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Cookie[] cookies(String... nameValues) {
        Cookie[] cookies = new Cookie[nameValues.length / 2];
        for (int i = 0; i < cookies.length; i++) {
            cookies[i] = new Cookie(nameValues[2 * i], nameValues[2 * i + 1]);
        }
        return cookies;
    }

    @Test
    void theCookieOfTheConfiguredNameCarriesTheId() {
        var request = request(cookies("other", OTHER, "SESSION_ID", ID), Map.of());

        assertThat(cookieOnly.presentedId(request)).contains(ID);
    }

    @Test
    void twoCookiesOfTheNameWithDifferentValuesCountAsNoId() {
        var request = request(cookies("SESSION_ID", ID, "SESSION_ID", OTHER), Map.of());

        assertThat(cookieOnly.presentedId(request)).isEmpty();
    }

    @Test
    void aRepeatedCookieWithTheSameValueIsThatValue() {
        var request = request(cookies("SESSION_ID", ID, "SESSION_ID", ID), Map.of());

        assertThat(cookieOnly.presentedId(request)).contains(ID);
    }

    @Test
    void aHeaderAndACookieThatDisagreeCountAsNoId() {
        var request = request(cookies("SESSION_ID", ID), Map.of("X-Session-Id", OTHER));

        assertThat(withHeader.presentedId(request)).isEmpty();
    }

    @Test
    void aHeaderAndACookieThatAgreeAreThatId() {
        var request = request(cookies("SESSION_ID", ID), Map.of("X-Session-Id", ID));

        assertThat(withHeader.presentedId(request)).contains(ID);
    }

    @Test
    void theHeaderAloneCarriesTheIdWhenItIsConfigured() {
        var request = request(null, Map.of("X-Session-Id", ID));

        assertThat(withHeader.presentedId(request)).contains(ID);
    }

    @Test
    void theHeaderIsIgnoredWhenItIsNotConfigured() {
        var request = request(null, Map.of("X-Session-Id", ID));

        assertThat(cookieOnly.presentedId(request)).isEmpty();
    }
}
