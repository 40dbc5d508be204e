package dev.tether.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

import dev.tether.config.CookieSettings;
import dev.tether.context.SessionIds;

/**
 * Fuzzes what a client controls on the way in: the cookies and header that carry the ID, and the check of
 * its form. In the default build these run once on the committed inputs (SessionIdFuzzTestInputs); with
 * JAZZER_FUZZ=1 they are fuzzed (SECURITY.md gives the command).
 */
class SessionIdFuzzTest {

    private static final Pattern GENERATED_FORM = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final CookieSettings COOKIE = new CookieSettings("SESSION_ID", true, Optional.empty(),
            Optional.of("Lax"), Optional.empty(), Optional.empty(), Optional.of(Duration.ofDays(30)));

    private final SessionIdTransport cookieMode = new SessionIdTransport(COOKIE, Optional.empty());
    private final SessionIdTransport headerMode = new SessionIdTransport(COOKIE, Optional.of("X-Session-Id"));

    @FuzzTest(maxDuration = "5m")
    void onlyTheGeneratorsFormIsWellFormed(String candidate) {
        boolean wellFormed = SessionIds.isWellFormed(candidate);
        String generated = SessionIds.generate();

        assertThat(wellFormed).isEqualTo(candidate != null && GENERATED_FORM.matcher(candidate).matches());
        assertThat(generated).matches(GENERATED_FORM).isNotEqualTo(candidate);
        assertThat(SessionIds.isWellFormed(generated)).isTrue();
        if (wellFormed) {
            assertThat(SessionIds.hash(candidate)).matches("[0-9a-f]{64}");
            assertThat(SessionIds.forLog(candidate)).hasSizeLessThan(10).doesNotContain(candidate.substring(6));
        }
    }

    @FuzzTest(maxDuration = "5m")
    void anyCookiesAndHeaderGiveNoIdOrOneTheClientSentUnambiguously(FuzzedDataProvider data) {
        List<String> cookieHeaders = new ArrayList<>();
        int count = data.consumeInt(0, 3);
        for (int i = 0; i < count; i++) {
            cookieHeaders.add(data.consumeString(200));
        }
        Map<String, String> headers = new HashMap<>();
        if (data.consumeBoolean()) {
            headers.put("X-Session-Id", data.consumeRemainingAsString());
        }

        Optional<String> fromCookie = cookieMode.presentedId(request(cookieHeaders, headers));
        Optional<String> fromHeader = headerMode.presentedId(request(cookieHeaders, headers));

        Set<String> sessionCookies = sessionCookieValues(cookieHeaders);
        assertThat(fromCookie).as("the value of every SESSION_ID cookie, when they all agree")
                .isEqualTo(sessionCookies.size() == 1 ? sessionCookies.stream().findFirst() : Optional.empty());
        assertThat(fromHeader).as("the header's value, whatever the cookies say")
                .isEqualTo(Optional.ofNullable(headers.get("X-Session-Id")));
    }

    /**
     * What each cookie named SESSION_ID holds, unquoted, by RFC 6265's reading of a Cookie header: pairs split
     * at ';', the name before the first '=', spaces around name and value ignored.
     */
    private static Set<String> sessionCookieValues(List<String> cookieHeaders) {
        Set<String> values = new HashSet<>();
        for (String header : cookieHeaders) {
            for (String pair : header.split(";", -1)) {
                int equals = pair.indexOf('=');
                if (equals >= 0 && pair.substring(0, equals).strip().equals(COOKIE.name())) {
                    String value = pair.substring(equals + 1).strip();
                    boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
                    values.add(quoted ? value.substring(1, value.length() - 1) : value);
                }
            }
        }
        return values;
    }

    @Test
    void theIdIsTheSessionCookiesValueNotAnotherCookies() {
        String ours = SessionIds.generate();
        String theirs = SessionIds.generate();

        Optional<String> id = new SessionIdTransport(COOKIE, Optional.empty()).presentedId(
                request(List.of("OTHER=" + theirs + "; SESSION_ID=" + ours + "; LAST=" + theirs), Map.of()));

        assertThat(id).hasValue(ours);
    }

    private static HttpServletRequest request(List<String> cookieHeaders, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(SessionIdFuzzTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> "Cookie".equals(args[0]) ? Collections.enumeration(cookieHeaders)
                            : Collections.enumeration(Optional.ofNullable(headers.get((String) args[0])).stream()
                                    .toList());
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
