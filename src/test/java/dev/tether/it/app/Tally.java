package dev.tether.it.app;

import java.io.Serializable;

import dev.tether.PersistentSessionScoped;

/** A counter, the bean two concurrent requests fight over. */
@PersistentSessionScoped
public class Tally implements Serializable {

    private int value;

    public int getValue() {
        return value;
    }

    public void increment() {
        value++;
    }
}
