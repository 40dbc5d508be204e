package dev.tether.it.app;

import java.io.Serializable;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/** Records each increment of a {@link Counter} before passing it on; enabled for the application by its priority. */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class CountingDecorator implements Counter, Serializable {

    public static final String NAME = "decorator";

    @Inject
    @Delegate
    @Any
    Counter counter;
    @Inject
    Invocations invocations;

    @Override
    public int increment() {
        invocations.record(NAME);
        return counter.increment();
    }
}
