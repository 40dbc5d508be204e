package dev.tether.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** A request with these Cookie headers and other headers, each sent once, and nothing else. */
    private static HttpServletRequest request(List<String> cookieHeaders, Map<String, String> headers) {
        Map<String, List<String>> lines = new HashMap<>();
        headers.forEach((name, value) -> lines.put(name, List.of(value)));
        return requestWithLines(cookieHeaders, lines);
    }

    /** A request with these Cookie headers and other headers, each as many times as it has values. */
    private static HttpServletRequest requestWithLines(List<String> cookieHeaders, Map<String, List<String>> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(SessionIdTransportTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> Collections.enumeration("Cookie".equals(args[0]) ? cookieHeaders
                            : headers.getOrDefault((String) args[0], List.of()));
                    case "getHeader" -> headers.getOrDefault((String) args[0], List.of()).stream().findFirst()
                            .orElse(null);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static List<String> cookies(String... headers) {
        return List.of(headers);
    }

    @Test
    void theCookieOfTheConfiguredNameCarriesTheId() {
        var request = request(cookies("other=" + OTHER + "; SESSION_ID=" + ID), Map.of());

        assertThat(cookieOnly.presentedId(request)).contains(ID);
    }

    @Test
    void twoCookiesOfTheNameWithDifferentValuesCountAsNoId() {
        var request = request(cookies("SESSION_ID=" + ID + "; SESSION_ID=" + OTHER), Map.of());

        assertThat(cookieOnly.presentedId(request)).isEmpty();
    }

    @Test
    void twoCookieHeadersWithDifferentValuesOfTheNameCountAsNoId() {
        var request = request(cookies("SESSION_ID=" + ID, "SESSION_ID=" + OTHER), Map.of());

        assertThat(cookieOnly.presentedId(request)).isEmpty();
    }

    @Test
    void aRepeatedCookieWithTheSameValueIsThatValue() {
        var request = request(cookies("SESSION_ID=" + ID + "; SESSION_ID=" + ID), Map.of());

        assertThat(cookieOnly.presentedId(request)).contains(ID);
    }

    @Test
    void aQuotedValueIsReadWithoutItsQuotes() {
        var request = request(cookies("SESSION_ID=\"" + ID + "\""), Map.of());

        assertThat(cookieOnly.presentedId(request)).contains(ID);
    }

    @Test
    void aCookieWhoseNameOnlyEndsWithTheNameIsNotIt() {
        var request = request(cookies("OLD_SESSION_ID=" + ID), Map.of());

        assertThat(cookieOnly.presentedId(request)).isEmpty();
    }

    @Test
    void inHeaderModeACookieBesideTheHeaderIsIgnored() {
        var request = request(cookies("SESSION_ID=" + ID), Map.of("X-Session-Id", OTHER));

        assertThat(withHeader.presentedId(request)).contains(OTHER);
    }

    @Test
    void inHeaderModeTheCookieAloneIsNoId() {
        var request = request(cookies("SESSION_ID=" + ID), Map.of());

        assertThat(withHeader.presentedId(request)).isEmpty();
    }

    @Test
    void aHeaderSentTwiceCountsAsNoId() {
        var request = requestWithLines(List.of(), Map.of("X-Session-Id", List.of(ID, OTHER)));

        assertThat(withHeader.presentedId(request)).isEmpty();
    }

    @Test
    void aHeaderSentTwiceWithTheSameValueCountsAsNoId() {
        var request = requestWithLines(List.of(), Map.of("X-Session-Id", List.of(ID, ID)));

        assertThat(withHeader.presentedId(request)).isEmpty();
    }

    @Test
    void aHeaderAndACookieThatAgreeAreThatId() {
        var request = request(cookies("SESSION_ID=" + ID), Map.of("X-Session-Id", ID));

        assertThat(withHeader.presentedId(request)).contains(ID);
    }

    @Test
    void theHeaderAloneCarriesTheIdWhenItIsConfigured() {
        var request = request(List.of(), Map.of("X-Session-Id", ID));

        assertThat(withHeader.presentedId(request)).contains(ID);
    }

    @Test
    void theHeaderIsIgnoredWhenItIsNotConfigured() {
        var request = request(List.of(), Map.of("X-Session-Id", ID));

        assertThat(cookieOnly.presentedId(request)).isEmpty();
    }
}
