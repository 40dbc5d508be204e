package dev.tether.spi;

/** A bean whose state cannot be encoded, for example because it holds an object that is not serializable. */
public class UnwritableStateException extends RuntimeException {

    public UnwritableStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
