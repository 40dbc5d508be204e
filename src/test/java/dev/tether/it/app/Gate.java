package dev.tether.it.app;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Holds a request, after it has loaded and changed its beans, until the test opens the gate: so that requests on
 * different servers truly overlap, the test waits until each of them is held, then opens the gates.
 */
@ApplicationScoped
public class Gate {

    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    public void passWhenOpen(String name) {
        held.add(name);
        try {
            if (!latch(name).await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate " + name + " was never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            held.remove(name);
        }
    }

    public boolean holds(String name) {
        return held.contains(name);
    }

    public void open(String name) {
        latch(name).countDown();
    }

    private CountDownLatch latch(String name) {
        return gates.computeIfAbsent(name, n -> new CountDownLatch(1));
    }
}
