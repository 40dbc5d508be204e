package dev.tether.bench.app;

import dev.tether.PersistentSessionScoped;

/** The counter Tether keeps in the database. */
@PersistentSessionScoped
public class PersistentHits extends Hits {
}
