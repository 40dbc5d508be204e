package dev.tether.it.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** How often each interceptor or decorator of the test application ran: the evidence that it did. */
@ApplicationScoped
public class Invocations {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public void record(String by) {
        counts.computeIfAbsent(by, key -> new AtomicInteger()).incrementAndGet();
    }

    public int count(String by) {
        AtomicInteger count = counts.get(by);
        return count == null ? 0 : count.get();
    }
}
