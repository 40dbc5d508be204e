package dev.tether;

/**
 * Another unit of work of the same session changed a bean that this one changed too, after this one loaded
 * it. None of this unit's changes were written. Over HTTP this is {@code 409 Conflict}; the client may
 * retry with fresh data.
 */
public class SessionConflictException extends TetherException {

    /** @param message what conflicted, for the log */
    public SessionConflictException(String message) {
        super(message, null);
    }
}
