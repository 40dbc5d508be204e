package dev.tether.it.support;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting in a test for what another server or thread does. */
public final class Polling {

    private Polling() {
    }

    /** Polls a condition for at most a minute; a condition still false then fails the test. */
    public static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting after 60 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
