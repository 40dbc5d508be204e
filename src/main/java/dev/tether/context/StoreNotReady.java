package dev.tether.context;

/**
 * Why the session store cannot serve now, as a readiness check may show it to anyone: a reason of a few fixed words
 * ("database unreachable", "schema missing") and the reference under which the details went to the log.
 *
 * @param reason   a fixed category, never the database's own text (which may name hosts, users and tables)
 * @param incident the short reference the log gives the details under
 */
public record StoreNotReady(String reason, String incident) {
}
