package dev.tether;

/** What happens when two requests of one session change the same bean. */
public enum ConcurrencyPolicy {
    /**
     * The later writer fails with {@link SessionConflictException} (409 over HTTP) and none of its changes are
     * written. Nothing is ever silently lost. The default.
     */
    OPTIMISTIC,
    /** The later writer overwrites the bean. Only for beans where losing the other request's change is fine. */
    LAST_WRITE_WINS,
    /** Requests of one session take turns: the second waits until the first has written back. */
    SERIALIZE
}
