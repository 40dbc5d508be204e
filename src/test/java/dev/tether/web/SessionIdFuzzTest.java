package dev.tether.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.tether.config.CookieSettings;
import dev.tether.ids.SessionIds;

/**
 * Fuzzes what a client controls on the way in: the cookies and header that carry the ID, and the check of
 * its form. In the default build these run once on the committed inputs (SessionIdFuzzTestInputs); with
 * JAZZER_FUZZ=1 they are fuzzed (SECURITY.md gives the command).
 */
class SessionIdFuzzTest {

    private static final Pattern GENERATED_FORM = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final CookieSettings COOKIE = new CookieSettings("SESSION_ID", true, Optional.empty(),
            Optional.of("Lax"), Optional.empty(), Optional.empty(), Optional.of(Duration.ofDays(30)));

    private final SessionIdTransport transport = new SessionIdTransport(COOKIE, Optional.of("X-Session-Id"));

    @FuzzTest(maxDuration = "5m")
    void onlyTheGeneratorsFormIsWellFormed(String candidate) {
        boolean wellFormed = SessionIds.isWellFormed(candidate);

        assertThat(wellFormed).isEqualTo(candidate != null && GENERATED_FORM.matcher(candidate).matches());
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

        Optional<String> id = transport.presentedId(request(cookieHeaders, headers));

        id.ifPresent(value -> {
            boolean inACookie = cookieHeaders.stream().anyMatch(header -> header.contains(value));
            assertThat(inACookie || value.equals(headers.get("X-Session-Id"))).as("an ID the client sent").isTrue();
            if (headers.containsKey("X-Session-Id")) {
                assertThat(headers.get("X-Session-Id")).isEqualTo(value);
            }
        });
    }

    private static HttpServletRequest request(List<String> cookieHeaders, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(SessionIdFuzzTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> "Cookie".equals(args[0]) ? Collections.enumeration(cookieHeaders)
                            : Collections.emptyEnumeration();
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
