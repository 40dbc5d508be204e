package dev.tether.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tether.config.CookieSettings;

class SessionCookieTest {

    private static final Instant NOW = Instant.parse("2026-03-07T22:15:00Z");

    private static CookieSettings lasting(Duration maxAge) {
        return new CookieSettings("SESSION_ID", true, Optional.empty(), Optional.of("Lax"), Optional.empty(),
                Optional.empty(), Optional.of(maxAge));
    }

    @Test
    void aLastingCookieExpiresAtTheEndOfItsMaxAgeInTheCookieDateFormat() {
        SessionCookie cookie = new SessionCookie(lasting(Duration.ofHours(3)), "/shop", false, NOW);

        String header = cookie.carrying("abc");

        assertThat(header).contains("; Max-Age=10800; Expires=Sun, 08 Mar 2026 01:15:00 GMT; Path=/shop");
    }

    @Test
    void aJavaClientKeepsTheCookieInTheFormBrowsersSendBack() {
        SessionCookie cookie = new SessionCookie(lasting(Duration.ofDays(30)), "/shop", false, NOW);

        HttpCookie parsed = HttpCookie.parse(cookie.carrying("abc")).get(0);

        assertThat(parsed.getVersion()).isZero();
        assertThat(parsed.toString()).isEqualTo("SESSION_ID=abc");
    }

    @Test
    void aBrowserSessionCookieHasNeitherMaxAgeNorExpires() {
        CookieSettings settings = new CookieSettings("SESSION_ID", true, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        String header = new SessionCookie(settings, "/shop", false, NOW).carrying("abc");

        assertThat(header).doesNotContain("Max-Age").doesNotContain("Expires");
    }

    @Test
    void cookieDatesInTurnEachNameTheirOwnSecond() {
        Instant later = NOW.plusSeconds(1).plusMillis(999);

        assertThat(CookieDates.format(NOW)).isEqualTo("Sat, 07 Mar 2026 22:15:00 GMT");
        assertThat(CookieDates.format(NOW.plusMillis(500))).isEqualTo("Sat, 07 Mar 2026 22:15:00 GMT");
        assertThat(CookieDates.format(later)).isEqualTo("Sat, 07 Mar 2026 22:15:01 GMT");
        assertThat(CookieDates.format(NOW)).isEqualTo("Sat, 07 Mar 2026 22:15:00 GMT");
        assertThat(CookieDates.format(Instant.parse("2026-03-09T08:05:07Z"))).isEqualTo("Mon, 09 Mar 2026 08:05:07 GMT");
    }
}
