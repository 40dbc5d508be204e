package dev.tether.it.app;

import java.io.Serializable;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Records each call of a {@link Counted} bean's methods; enabled for the whole application by its priority. */
@Counted
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class CountingInterceptor implements Serializable {

    public static final String NAME = "interceptor";

    @Inject
    Invocations invocations;

    @AroundInvoke
    Object count(InvocationContext call) throws Exception {
        invocations.record(NAME);
        return call.proceed();
    }
}
