package dev.tether.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tether.TetherException;

/**
 * Turns Tether's failures raised inside a resource (the store unreachable when a bean is first used, a
 * conflict from {@code runInSession}) into problem responses instead of a bare 500.
 */
@Provider
public class TetherExceptionMapper implements ExceptionMapper<TetherException> {

    @Override
    public Response toResponse(TetherException failure) {
        Problem problem = Problem.of(failure);
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE).entity(problem.json());
        if (problem.retryable()) {
            response.header("Retry-After", Problem.RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}
