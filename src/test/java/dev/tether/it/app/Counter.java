package dev.tether.it.app;

/** The type {@link CountingDecorator} decorates. */
public interface Counter {

    int increment();
}
