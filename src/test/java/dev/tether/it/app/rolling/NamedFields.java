package dev.tether.it.app.rolling;

/**
 * A bean of the rolling-deploy test, whose fields the test sets and reads by name over HTTP. Version 1 and version 2
 * of each bean implement it, so one resource class, compiled once, serves both versions of the application.
 */
public interface NamedFields {

    /** Sets the named field from its text; a field this version does not have is refused. */
    void set(String field, String value);

    /** Every stored field as {@code name=value}, in declaration order, separated by spaces. */
    String describe();
}
