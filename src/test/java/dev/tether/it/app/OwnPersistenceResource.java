package dev.tether.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Uses the application's own persistence unit without naming it, next to a persistent bean, inside a JTA
 * transaction: Tether must neither make the unit ambiguous nor join the transaction.
 */
@Path("own")
@RequestScoped
public class OwnPersistenceResource {

    @PersistenceContext
    EntityManager em;
    @Inject
    Notes notes;

    @POST
    @Transactional
    @Produces(MediaType.TEXT_PLAIN)
    public long save(@QueryParam("text") String text) {
        OwnEntity entity = new OwnEntity();
        entity.text = text;
        em.persist(entity);
        notes.add(text);
        return em.createQuery("SELECT COUNT(e) FROM OwnEntity e", Long.class).getSingleResult();
    }
}
