package dev.tether.bench.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The benchmark's resources under {@code /api}: one path per variant, plus stats and admin. */
@ApplicationPath("api")
public class BenchApi extends Application {
}
