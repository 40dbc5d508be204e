package dev.tether.bench.app;

/** The counter the floor variant keeps in its own row. */
public final class FloorHits extends Hits {
}
