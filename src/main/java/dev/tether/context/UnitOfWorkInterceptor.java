package dev.tether.context;

import java.lang.reflect.Parameter;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.tether.ActivatePersistentSession;
import dev.tether.SessionId;

/** Brackets an {@link ActivatePersistentSession} method with a unit of work: open, proceed, write back. */
@ActivatePersistentSession
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
class UnitOfWorkInterceptor {

    private final SessionUnits units;

    @Inject
    UnitOfWorkInterceptor(SessionUnits units) {
        this.units = units;
    }

    @AroundInvoke
    Object inUnitOfWork(InvocationContext invocation) throws Exception {
        if (units.isActive()) {
            return invocation.proceed();
        }
        UnitOfWorkHandle handle = units.open(sessionIdOf(invocation));
        Object result;
        try {
            result = invocation.proceed();
        } catch (Exception | Error failure) {
            try {
                units.close(handle);
            } catch (RuntimeException writeFailure) {
                failure.addSuppressed(writeFailure);
            }
            throw failure;
        }
        units.close(handle);
        return result;
    }

    private static String sessionIdOf(InvocationContext invocation) {
        Parameter[] parameters = invocation.getMethod().getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isAnnotationPresent(SessionId.class)
                    && invocation.getParameters()[i] instanceof String id) {
                return id;
            }
        }
        return null;
    }
}
