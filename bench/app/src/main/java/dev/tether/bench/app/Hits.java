package dev.tether.bench.app;

import java.io.Serializable;

/**
 * The state every variant keeps for a client: a hit counter. Each variant holds it in its own way (a
 * subclass with its scope, or a session attribute), so all four store the same few bytes.
 */
public abstract class Hits implements Serializable {

    private long count;

    public long increment() {
        return ++count;
    }

    public long count() {
        return count;
    }
}
