package dev.tether.web;

import java.time.Instant;

import dev.tether.config.CookieSettings;

/** Writes the Set-Cookie values of the session cookie, with every attribute from the settings. */
final class SessionCookie {

    private final CookieSettings settings;
    private final String contextPath;
    private final boolean requestIsSecure;
    private final Instant now;

    SessionCookie(CookieSettings settings, String contextPath, boolean requestIsSecure, Instant now) {
        this.settings = settings;
        this.contextPath = contextPath;
        this.requestIsSecure = requestIsSecure;
        this.now = now;
    }

    /**
     * The cookie with the ID. A lasting cookie carries its lifetime twice: Max-Age for browsers, and the same
     * moment as Expires for clients that read a Max-Age without Expires as an RFC 2965 cookie and send it back
     * with {@code $Version="1"} and quotes (Java's {@code HttpCookie} does), a form Undertow 2.4 (WildFly
     * Preview) answers with a 500 before the application runs.
     */
    String carrying(String id) {
        StringBuilder header = new StringBuilder(settings.name()).append('=').append(id);
        settings.maxAge().ifPresent(age -> header.append("; Max-Age=").append(age.toSeconds())
                .append("; Expires=").append(CookieDates.format(now.plus(age))));
        return withAttributes(header);
    }

    /** A cookie the browser drops at once: empty value, Max-Age 0 and an expiry in the past for old clients. */
    String expired() {
        StringBuilder header = new StringBuilder(settings.name())
                .append("=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        return withAttributes(header);
    }

    private String withAttributes(StringBuilder header) {
        header.append("; Path=").append(settings.path().orElse(contextPath.isEmpty() ? "/" : contextPath));
        settings.domain().ifPresent(domain -> header.append("; Domain=").append(domain));
        if (settings.secure().orElse(requestIsSecure)) {
            header.append("; Secure");
        }
        if (settings.httpOnly()) {
            header.append("; HttpOnly");
        }
        settings.sameSite().ifPresent(sameSite -> header.append("; SameSite=").append(sameSite));
        return header.toString();
    }
}
