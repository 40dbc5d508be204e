package dev.tether.web;

import java.lang.annotation.Annotation;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Writes the request's unit of work back in JAX-RS, after the resource and the application's own response
 * filters and before the entity is written, so a failed write becomes a 409 or 503 problem response. An
 * entity that is a persistent bean's proxy is replaced by the bean itself, which can still be read once the
 * unit is closed.
 */
@Provider
@Priority(100)
public class WriteBackFilter implements ContainerResponseFilter {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
        RequestUnit unit = RequestUnit.of(request);
        if (unit == null || unit.isClosed()) {
            return;
        }
        if (response.hasEntity()) {
            response.setEntity(unit.unproxied(response.getEntity()), response.getEntityAnnotations(),
                    response.getMediaType());
        }
        try {
            unit.writeBack(response.getStatus(), false, (name, value) -> response.getHeaders().add(name, value));
        } catch (RuntimeException failure) {
            Problem problem = Problem.of(failure);
            response.setStatus(problem.status());
            if (problem.retryable()) {
                response.getHeaders().putSingle("Retry-After", Problem.RETRY_AFTER_SECONDS);
            }
            response.setEntity(problem.json(), new Annotation[0], PROBLEM);
        }
    }
}
