package dev.tether.bench.app;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Variant {@code tether-jdbc}: the same resource as {@code tether}, under its own path so that its rounds are
 * labelled apart. Only measured on a server started with {@code -Dtether.store=jdbc}, where every Tether request
 * of the application goes through the plain-JDBC store.
 */
@Path("tether-jdbc")
@Produces(MediaType.TEXT_PLAIN)
public class TetherJdbcResource extends TetherResource {
}
