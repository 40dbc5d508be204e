package dev.tether.it.app;

import java.io.Serializable;

import dev.tether.PersistentSessionScoped;

/** A persistent counter that {@link CountingDecorator} decorates. */
@PersistentSessionScoped
public class DecoratedCounter implements Counter, Serializable {

    private int value;

    @Override
    public int increment() {
        return ++value;
    }
}
