package dev.tether.store;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

/** Finds the way a JPA provider lends its connection, once per persistence unit. */
final class LentConnections {

    private static final Logger LOG = Logger.getLogger(LentConnections.class.getName());

    /** A way of lending, which cannot be built where its provider's methods are missing. */
    @FunctionalInterface
    private interface Candidate {
        LentConnection make(EntityManager em) throws ReflectiveOperationException;
    }

    private LentConnections() {
    }

    /**
     * The first way that lends {@code em}'s connection in its present state (inside a transaction or not), tried
     * in order: Jakarta Persistence 3.2's {@code callWithConnection} (EE 11 providers), {@code unwrap(Connection)}
     * (EclipseLink, inside a transaction only), Hibernate's {@code doReturningWork}.
     */
    static Optional<LentConnection> find(EntityManager em) {
        List<Candidate> candidates = List.of(unused -> new StandardConnectionCall(), unused -> new UnwrappedConnection(),
                HibernateWork::new);
        for (Candidate candidate : candidates) {
            try {
                LentConnection way = candidate.make(em);
                if (Boolean.TRUE.equals(way.call(em, connection -> connection != null))) {
                    return Optional.of(way);
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // this provider has no such way, or refuses it here: the next one may
                LOG.log(Level.FINE, "a way of lending the JPA provider's connection does not work here", e);
            }
        }
        return Optional.empty();
    }
}
