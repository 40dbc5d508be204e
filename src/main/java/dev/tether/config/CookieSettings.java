package dev.tether.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The session cookie's attributes.
 *
 * @param secure   {@code Optional.empty()} means "when the request is secure"
 * @param sameSite {@code Optional.empty()} means no SameSite attribute
 * @param path     {@code Optional.empty()} means the application's context path
 * @param maxAge   {@code Optional.empty()} means a browser-session cookie (no Max-Age)
 */
public record CookieSettings(String name, boolean httpOnly, Optional<Boolean> secure, Optional<String> sameSite,
                             Optional<String> path, Optional<String> domain, Optional<Duration> maxAge) {
}
