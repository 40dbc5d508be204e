package dev.tether.bench.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Variant {@code tether-jdbc}: the same resource as {@code tether}, under its own path so that its rounds are
 * labelled apart. Only measured in {@code bench/run.sh}'s copy of the WAR with {@code tether.store=jdbc} in its
 * MicroProfile Config ({@code /bench-jdbc}, beside this one on the same server), where every Tether request of that
 * application goes through the plain-JDBC store.
 */
@ApplicationScoped
@Path("tether-jdbc")
@Produces(MediaType.TEXT_PLAIN)
public class TetherJdbcResource extends TetherResource {
}
