package dev.tether.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * RFC 6265's cookie date (always two digits for the day, always GMT, English names), to the second. The last date
 * written is kept: every new session of the same second expires in the same second, and formatting through the
 * pattern's locale tables is a measurable part of a new session's request.
 */
final class CookieDates {

    private static final DateTimeFormatter COOKIE_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private record Formatted(long epochSecond, String text) {
    }

    private static volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    private CookieDates() {
    }

    static String format(Instant moment) {
        long second = moment.getEpochSecond();
        Formatted known = last;
        if (known.epochSecond() != second) {
            known = new Formatted(second, COOKIE_DATE.format(Instant.ofEpochSecond(second)));
            last = known;
        }
        return known.text();
    }
}
