package dev.tether;

/**
 * A unit of work would have stored more than {@code tether.max-bean-bytes} for one bean or
 * {@code tether.max-session-bytes} for its session. Nothing of the unit was stored. Over HTTP this is
 * {@code 413 Content Too Large}: the request asked the server to keep more than it accepts, and repeating it
 * unchanged will not help.
 */
public class SessionTooLargeException extends TetherException {

    /** @param message which limit was passed, for the log */
    public SessionTooLargeException(String message) {
        super(message, null);
    }
}
