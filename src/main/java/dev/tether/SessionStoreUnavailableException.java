package dev.tether;

/**
 * The session store could not be read or written (the database is down, unreachable or refused the
 * statement). Nothing of the unit of work was written. Over HTTP this is {@code 503 Service Unavailable}.
 */
public class SessionStoreUnavailableException extends TetherException {

    /**
     * @param message what failed, for the log
     * @param cause the database's error
     */
    public SessionStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
