package dev.tether.it.app;

import java.io.Serializable;

import dev.tether.PersistentSessionScoped;

/** A persistent counter with an interceptor binding: the container hands out an intercepted subclass of it. */
@PersistentSessionScoped
@Counted
public class InterceptedCounter implements Serializable {

    private int value;

    public int increment() {
        return ++value;
    }
}
