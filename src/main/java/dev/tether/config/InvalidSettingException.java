package dev.tether.config;

/** A setting whose value cannot be used. The message names the key, the value and what is expected. */
public class InvalidSettingException extends IllegalArgumentException {

    public InvalidSettingException(String key, String value, String expected) {
        super("Tether setting " + key + "=" + value + " is invalid: " + expected);
    }
}
