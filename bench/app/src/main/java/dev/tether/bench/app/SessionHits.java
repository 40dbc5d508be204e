package dev.tether.bench.app;

import jakarta.enterprise.context.SessionScoped;

/** The counter kept in the server's memory, in the HttpSession. */
@SessionScoped
public class SessionHits extends Hits {
}
