package dev.tether.spi;

/** Stored bytes that cannot become a bean again. The bean starts fresh; the caller logs why. */
public class UnreadableStateException extends RuntimeException {

    public UnreadableStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
