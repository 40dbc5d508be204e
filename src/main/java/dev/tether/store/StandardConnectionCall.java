package dev.tether.store;

import java.lang.reflect.Method;

import jakarta.persistence.EntityManager;

/**
 * Jakarta Persistence 3.2's {@code EntityManager.callWithConnection} (Hibernate 7 on WildFly Preview, the EE 11
 * providers), called by name: the library compiles against the EE 10 API, which does not have it.
 */
final class StandardConnectionCall implements LentConnection {

    private final Class<?> function;
    private final Method callWithConnection;

    /** @throws ReflectiveOperationException on a Jakarta Persistence API before 3.2 */
    StandardConnectionCall() throws ReflectiveOperationException {
        function = Class.forName("jakarta.persistence.ConnectionFunction", false, EntityManager.class.getClassLoader());
        callWithConnection = EntityManager.class.getMethod("callWithConnection", function);
    }

    @Override
    public <T> T call(EntityManager em, Work<T> work) {
        return ProviderCallback.run(work, callback -> callWithConnection.invoke(em, callback.as(function, "apply")));
    }

    @Override
    public String describe() {
        return "Jakarta Persistence's callWithConnection";
    }
}
