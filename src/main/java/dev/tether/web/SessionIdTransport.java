package dev.tether.web;

import java.time.Instant;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.servlet.http.HttpServletRequest;

import dev.tether.config.CookieSettings;
import dev.tether.context.WriteBack;

/**
 * How the session ID travels: in the cookie {@code tether.cookie.name}, or, when {@code tether.header.name} is
 * set, in that header both ways and never in a cookie. Anything ambiguous (two different cookies of the name, the
 * header sent twice) counts as no ID at all: the client gets a fresh session rather than a guess.
 */
final class SessionIdTransport {

    private final CookieSettings cookie;
    private final Optional<String> headerName;

    SessionIdTransport(CookieSettings cookie, Optional<String> headerName) {
        this.cookie = cookie;
        this.headerName = headerName;
    }

    /** The ID as presented, unvalidated; the unit of work checks its form before any store access. */
    Optional<String> presentedId(HttpServletRequest request) {
        return headerName.isPresent() ? headerValue(request, headerName.get()) : cookieValue(request);
    }

    /**
     * The header's one value. In header mode Tether never sets the cookie, so a session cookie the request carries
     * was planted by someone else (a sibling subdomain) and is not read at all; a header sent twice is no ID.
     */
    private static Optional<String> headerValue(HttpServletRequest request, String name) {
        Enumeration<String> headers = request.getHeaders(name);
        if (headers == null || !headers.hasMoreElements()) {
            return Optional.empty();
        }
        String value = headers.nextElement();
        return headers.hasMoreElements() ? Optional.empty() : Optional.ofNullable(value);
    }

    /**
     * The value of the session cookie, read from the raw {@code Cookie} headers: the container's cookie list
     * keeps one cookie per name (Undertow keeps the first), which would hide a second, planted one.
     */
    private Optional<String> cookieValue(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders("Cookie");
        if (headers == null) {
            return Optional.empty();
        }
        Set<String> values = new HashSet<>();
        while (headers.hasMoreElements()) {
            String header = headers.nextElement();
            for (String pair : header == null ? new String[0] : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equals(cookie.name())) {
                    values.add(unquoted(pair.substring(equals + 1).strip()));
                }
            }
        }
        return values.size() == 1 ? Optional.of(values.iterator().next()) : Optional.empty();
    }

    /** RFC 6265 allows a cookie value in double quotes. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /**
     * Adds what the client must learn from this unit of work: a new ID, or that its ID is gone. Such a response
     * is for this client alone: {@code Cache-Control: no-store} keeps every cache (a proxy's, the browser's)
     * from storing it and handing the ID to someone else, and {@code Vary} names what the answer depends on.
     */
    void send(WriteBack writeBack, HttpServletRequest request, BiConsumer<String, String> addHeader) {
        if (writeBack.idToSend().isEmpty() && !writeBack.expireClient()) {
            return;
        }
        addHeader.accept("Cache-Control", "no-store");
        if (headerName.isPresent()) {
            addHeader.accept("Vary", headerName.get());
            writeBack.idToSend().ifPresent(id -> addHeader.accept(headerName.get(), id));
            if (writeBack.expireClient()) {
                addHeader.accept(headerName.get(), "");
            }
            return;
        }
        addHeader.accept("Vary", "Cookie");
        SessionCookie format = new SessionCookie(cookie, request.getContextPath(), request.isSecure(), Instant.now());
        writeBack.idToSend().ifPresent(id -> addHeader.accept("Set-Cookie", format.carrying(id)));
        if (writeBack.expireClient()) {
            addHeader.accept("Set-Cookie", format.expired());
        }
    }
}
