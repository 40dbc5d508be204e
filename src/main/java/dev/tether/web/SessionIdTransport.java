package dev.tether.web;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import dev.tether.config.CookieSettings;
import dev.tether.context.WriteBack;

/**
 * How the session ID travels: in the cookie {@code tether.cookie.name}, or, when {@code tether.header.name} is
 * set, in that header both ways. Anything ambiguous (two different cookies of the name, a header and a cookie
 * that disagree) counts as no ID at all: the client gets a fresh session rather than a guess.
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
        Optional<String> fromCookie = cookieValue(request);
        if (headerName.isEmpty()) {
            return fromCookie;
        }
        Optional<String> fromHeader = Optional.ofNullable(request.getHeader(headerName.get()));
        if (fromHeader.isPresent() && fromCookie.isPresent() && !fromHeader.equals(fromCookie)) {
            return Optional.empty();
        }
        return fromHeader.or(() -> fromCookie);
    }

    private Optional<String> cookieValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        var values = Arrays.stream(cookies).filter(c -> cookie.name().equals(c.getName()))
                .map(Cookie::getValue).distinct().toList();
        return values.size() == 1 ? Optional.ofNullable(values.get(0)) : Optional.empty();
    }

    /** Adds what the client must learn from this unit of work: a new ID, or that its ID is gone. */
    void send(WriteBack writeBack, HttpServletRequest request, BiConsumer<String, String> addHeader) {
        if (headerName.isPresent()) {
            writeBack.idToSend().ifPresent(id -> addHeader.accept(headerName.get(), id));
            if (writeBack.expireClient()) {
                addHeader.accept(headerName.get(), "");
            }
            return;
        }
        SessionCookie format = new SessionCookie(cookie, request.getContextPath(), request.isSecure());
        writeBack.idToSend().ifPresent(id -> addHeader.accept("Set-Cookie", format.carrying(id)));
        if (writeBack.expireClient()) {
            addHeader.accept("Set-Cookie", format.expired());
        }
    }
}
