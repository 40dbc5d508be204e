package dev.tether.web;

import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tether.SessionConflictException;
import dev.tether.SessionStoreUnavailableException;
import dev.tether.SessionTooLargeException;
import dev.tether.TooManySessionsException;

/**
 * An {@code application/problem+json} body (RFC 9457) for the failures Tether maps to HTTP, written by hand so
 * that no JSON provider is needed. It says only what the client can act on: the failure's own message (class
 * names, sizes) goes to the server log under a short incident reference, which the body carries instead.
 *
 * @param incident the reference of the logged details of a server error, or {@code null}
 */
record Problem(int status, String title, String detail, String incident) {

    private static final Logger LOG = Logger.getLogger(Problem.class.getName());

    static final String MEDIA_TYPE = "application/problem+json";
    /** Seconds a client should wait before retrying while the store is unreachable. */
    static final String RETRY_AFTER_SECONDS = "5";

    static Problem of(Throwable failure) {
        if (failure instanceof TooManySessionsException) {
            return new Problem(409, "Too many sessions",
                    "This user already has as many sessions as the server allows; log out of one of them and log "
                            + "in again. Nothing of this request was saved.", null);
        }
        if (failure instanceof SessionConflictException) {
            return new Problem(409, "Session changed concurrently",
                    "Another request of this session changed the same data first; nothing of this request was "
                            + "saved. Reload and try again.", null);
        }
        if (failure instanceof SessionTooLargeException) {
            // the detail that names the bean and the sizes is in the server's log, not in the response
            return new Problem(413, "Session too large",
                    "This request would make its session larger than the server stores; nothing of this request "
                            + "was saved.", null);
        }
        if (failure instanceof SessionStoreUnavailableException) {
            return new Problem(503, "Session store unavailable",
                    "The session store cannot be reached right now; nothing of this request was saved.", null);
        }
        String incident = String.format("%08x", ThreadLocalRandom.current().nextInt());
        LOG.log(Level.SEVERE, failure, () -> "Tether: incident " + incident + ": the session could not be saved: "
                + failure);
        return new Problem(500, "Session could not be saved",
                "The server failed to save this request's session; nothing of this request was saved. The server's "
                        + "log has the details under the incident reference.", incident);
    }

    boolean retryable() {
        return status == 503;
    }

    String json() {
        return "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + (incident == null ? "" : ",\"incident\":" + quote(incident)) + "}";
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
