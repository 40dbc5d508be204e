package dev.tether.bench.jmh;

import jakarta.enterprise.context.RequestScoped;

/** {@link Counter} in the request scope: the baseline of a call through a client proxy. */
@RequestScoped
public class RequestCounter extends Counter {
}
