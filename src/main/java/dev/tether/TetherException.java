package dev.tether;

/** The root of the exceptions Tether throws to applications. */
public class TetherException extends RuntimeException {

    public TetherException(String message, Throwable cause) {
        super(message, cause);
    }
}
