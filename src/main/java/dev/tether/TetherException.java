package dev.tether;

/** The root of the exceptions Tether throws to applications. */
public class TetherException extends RuntimeException {

    /**
     * @param message what went wrong
     * @param cause the underlying error, or {@code null}
     */
    public TetherException(String message, Throwable cause) {
        super(message, cause);
    }
}
