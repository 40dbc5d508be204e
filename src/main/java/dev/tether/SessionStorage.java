package dev.tether;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Qualifies a resource that the application produces for Tether in place of its default: a
 * {@link javax.sql.DataSource} used instead of the JNDI name in {@code tether.datasource} (when the data source
 * is built in code rather than defined in the server), or a {@link java.time.Clock} used instead of the system
 * clock (for tests of expiry).
 *
 * <pre>{@code
 * @Produces @SessionStorage @ApplicationScoped
 * DataSource sessions() { return pooledDataSourceFor("jdbc:postgresql://db/sessions"); }
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface SessionStorage {

    /** The qualifier as a value, for {@code Instance.select}. */
    final class Literal extends AnnotationLiteral<SessionStorage> implements SessionStorage {

        /** The one instance there needs to be. */
        public static final Literal INSTANCE = new Literal();

        private static final long serialVersionUID = 1L;
    }
}
