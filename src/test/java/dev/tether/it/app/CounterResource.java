package dev.tether.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Increments the intercepted and the decorated counter, and tells how often their interceptor and decorator ran. */
@Path("counters")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class CounterResource {

    @Inject
    InterceptedCounter intercepted;
    @Inject
    Counter decorated;
    @Inject
    Invocations invocations;

    @POST
    @Path("intercepted")
    public int incrementIntercepted() {
        return intercepted.increment();
    }

    @GET
    @Path("intercepted/calls")
    public int interceptorCalls() {
        return invocations.count(CountingInterceptor.NAME);
    }

    @POST
    @Path("decorated")
    public int incrementDecorated() {
        return decorated.increment();
    }

    @GET
    @Path("decorated/calls")
    public int decoratorCalls() {
        return invocations.count(CountingDecorator.NAME);
    }
}
