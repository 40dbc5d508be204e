package dev.tether.store;

import java.lang.reflect.Method;

import jakarta.persistence.EntityManager;

/**
 * Hibernate's {@code Session.doReturningWork}, the way Hibernate 6 (WildFly 39) lends its connection, called by
 * name so that Hibernate stays out of the library's dependencies. The work runs inside the session's transaction
 * when one is active; Hibernate does not log the work's exceptions as it logs a failed native query's.
 */
final class HibernateWork implements LentConnection {

    private final Class<?> session;
    private final Class<?> returningWork;
    private final Method doReturningWork;

    /** @throws ReflectiveOperationException when {@code em} is not Hibernate's */
    HibernateWork(EntityManager em) throws ReflectiveOperationException {
        ClassLoader provider = em.getClass().getClassLoader();
        session = Class.forName("org.hibernate.Session", false, provider);
        returningWork = Class.forName("org.hibernate.jdbc.ReturningWork", false, provider);
        doReturningWork = session.getMethod("doReturningWork", returningWork);
    }

    @Override
    public <T> T call(EntityManager em, Work<T> work) {
        return ProviderCallback.run(work,
                callback -> doReturningWork.invoke(em.unwrap(session), callback.as(returningWork, "execute")));
    }

    @Override
    public String describe() {
        return "Hibernate's Session.doReturningWork";
    }
}
