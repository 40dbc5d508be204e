package dev.tether.it.app;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/** Holds two requests until both have read their data, so that they truly overlap. */
@ApplicationScoped
public class Rendezvous {

    private final CyclicBarrier barrier = new CyclicBarrier(2);

    public void await() {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            barrier.reset();
            throw new IllegalStateException("the other request never arrived", e);
        }
    }
}
