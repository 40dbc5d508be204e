package dev.tether.it.app;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import dev.tether.web.TetherFeature;

/** An application that lists its classes, which turns provider scanning off: it registers TetherFeature. */
@ApplicationPath("/explicit")
public class ExplicitApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SessionResource.class, TetherFeature.class);
    }
}
