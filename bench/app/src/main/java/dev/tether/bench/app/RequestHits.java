package dev.tether.bench.app;

import jakarta.enterprise.context.RequestScoped;

/** The counter of the variant without sessions: it lives for one request. */
@RequestScoped
public class RequestHits extends Hits {
}
