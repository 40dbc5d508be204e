package dev.tether.examples.shop;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of a refused request: {@code {"error": "..."}}. */
public record ApiError(String error) {

    public static WebApplicationException of(Response.Status status, String message) {
        return new WebApplicationException(message,
                Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(message)).build());
    }
}
