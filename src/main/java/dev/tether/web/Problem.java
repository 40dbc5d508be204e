package dev.tether.web;

import dev.tether.SessionConflictException;
import dev.tether.SessionStoreUnavailableException;
import dev.tether.SessionTooLargeException;

/**
 * An {@code application/problem+json} body (RFC 9457) for the failures Tether maps to HTTP, written by hand so
 * that no JSON provider is needed.
 */
record Problem(int status, String title, String detail) {

    static final String MEDIA_TYPE = "application/problem+json";
    /** Seconds a client should wait before retrying while the store is unreachable. */
    static final String RETRY_AFTER_SECONDS = "5";

    static Problem of(Throwable failure) {
        if (failure instanceof SessionConflictException) {
            return new Problem(409, "Session changed concurrently",
                    "Another request of this session changed the same data first; nothing of this request was "
                            + "saved. Reload and try again.");
        }
        if (failure instanceof SessionTooLargeException) {
            // the detail that names the bean and the sizes is in the server's log, not in the response
            return new Problem(413, "Session too large",
                    "This request would make its session larger than the server stores; nothing of this request "
                            + "was saved.");
        }
        if (failure instanceof SessionStoreUnavailableException) {
            return new Problem(503, "Session store unavailable",
                    "The session store cannot be reached right now; nothing of this request was saved.");
        }
        return new Problem(500, "Session could not be saved", failure.getMessage());
    }

    boolean retryable() {
        return status == 503;
    }

    String json() {
        return "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + "}";
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
