package dev.tether.it.app;

import java.io.Serializable;

import dev.tether.PersistentSessionScoped;

/** A counter with a private field and no getter or setter. */
@PersistentSessionScoped
public class Clicks implements Serializable {

    private int value;

    public void inc() {
        value++;
    }

    public int value() {
        return value;
    }
}
