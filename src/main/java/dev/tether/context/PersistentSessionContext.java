package dev.tether.context;

import java.lang.annotation.Annotation;
import java.util.function.Supplier;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

import dev.tether.PersistentSessionScoped;

/** The CDI context of {@link PersistentSessionScoped}: it finds the current unit of work and asks it. */
final class PersistentSessionContext implements AlterableContext {

    private final ActiveUnits units;
    private final Supplier<BeanRegistry> registry;

    PersistentSessionContext(ActiveUnits units, Supplier<BeanRegistry> registry) {
        this.units = units;
        this.registry = registry;
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return PersistentSessionScoped.class;
    }

    @Override
    public <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
        return active().get(registry.get().of(contextual), creationalContext);
    }

    @Override
    public <T> T get(Contextual<T> contextual) {
        return active().get(registry.get().of(contextual), null);
    }

    @Override
    public void destroy(Contextual<?> contextual) {
        active().destroy(registry.get().of(contextual));
    }

    @Override
    public boolean isActive() {
        return units.current().isPresent();
    }

    private UnitOfWork active() {
        return units.current().orElseThrow(() -> new ContextNotActiveException(
                "No persistent session is active on this thread. Persistent beans are usable during an HTTP "
                        + "request, inside PersistentSessions.runInSession(), or in a method annotated "
                        + "@ActivatePersistentSession."));
    }
}
