package dev.tether.store;

/**
 * Why the database cannot serve Tether now, in a few fixed words that may be shown to anyone (a readiness check's
 * answer), and the error behind it, which may name hosts, users and tables and so goes only to the log.
 *
 * @param reason one of the fixed reasons of this class, never the error's own text
 * @param detail the database's error
 */
public record ProbeFailure(String reason, Exception detail) {

    /** No connection: the database is down, unreachable, or refuses the login. */
    public static final String DATABASE_UNREACHABLE = "database unreachable";
    /** The database took longer than the probe's timeout to answer. */
    public static final String DATABASE_NOT_ANSWERING = "database not answering";
    /** Connected, but Tether's session table cannot be read (missing, or not readable by this user). */
    public static final String SCHEMA_MISSING = "schema missing";
}
