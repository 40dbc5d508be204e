package dev.tether.bench.app;

/** The counter Spring Session keeps as a session attribute. */
public final class AttributeHits extends Hits {
}
