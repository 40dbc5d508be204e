package dev.tether.it.app;

import java.io.Serializable;

/**
 * A small value without {@code equals} or {@code hashCode} on purpose: in a {@code HashSet} it sits at its identity
 * hash, which changes with every load, so the set's serialized order does too.
 */
public class Tag implements Serializable {

    private final String name;

    public Tag(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }
}
