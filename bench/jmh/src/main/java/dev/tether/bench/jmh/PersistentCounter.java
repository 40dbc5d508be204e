package dev.tether.bench.jmh;

import dev.tether.PersistentSessionScoped;

/** {@link Counter} kept by Tether. */
@PersistentSessionScoped
public class PersistentCounter extends Counter {
}
