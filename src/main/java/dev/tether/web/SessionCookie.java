package dev.tether.web;

import dev.tether.config.CookieSettings;

/** Writes the Set-Cookie values of the session cookie, with every attribute from the settings. */
final class SessionCookie {

    private final CookieSettings settings;
    private final String contextPath;
    private final boolean requestIsSecure;

    SessionCookie(CookieSettings settings, String contextPath, boolean requestIsSecure) {
        this.settings = settings;
        this.contextPath = contextPath;
        this.requestIsSecure = requestIsSecure;
    }

    String carrying(String id) {
        StringBuilder header = new StringBuilder(settings.name()).append('=').append(id);
        settings.maxAge().ifPresent(age -> header.append("; Max-Age=").append(age.toSeconds()));
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
