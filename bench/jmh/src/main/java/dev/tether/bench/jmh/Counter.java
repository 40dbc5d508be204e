package dev.tether.bench.jmh;

import java.io.Serializable;

/** The state of the call benchmark: the same class body under two scopes. */
public abstract class Counter implements Serializable {

    private long count;

    public long increment() {
        return ++count;
    }

    public long count() {
        return count;
    }
}
