package dev.tether.web;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers Tether's JAX-RS providers in an application that lists its classes itself (an {@code Application}
 * whose {@code getClasses()} or {@code getSingletons()} is not empty turns scanning off). Without it,
 * persistent beans still work through the Servlet filter, which writes back at the first byte of the body; the
 * Feature adds the write-back before the entity is written and problem responses for Tether's failures raised
 * inside a resource.
 *
 * <pre>{@code
 * public Set<Class<?>> getClasses() { return Set.of(CartResource.class, TetherFeature.class); }
 * }</pre>
 */
public class TetherFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        context.register(WriteBackFilter.class);
        context.register(TetherExceptionMapper.class);
        return true;
    }
}
