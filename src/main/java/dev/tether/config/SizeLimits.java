package dev.tether.config;

/**
 * How large stored state may grow: {@code tether.max-bean-bytes} and {@code tether.max-session-bytes}.
 * The bean limit also bounds what one read can allocate, since no array is allowed to be longer than the
 * stream that declares it.
 */
public record SizeLimits(int maxBeanBytes, int maxSessionBytes) {

    /** 256 KiB per bean: a large cart or form wizard fits many times over; a leaked cache does not. */
    public static final int DEFAULT_MAX_BEAN_BYTES = 256 * 1024;
    /** 1 MiB per session: it is read in one query on every request that uses the session. */
    public static final int DEFAULT_MAX_SESSION_BYTES = 1024 * 1024;
}
