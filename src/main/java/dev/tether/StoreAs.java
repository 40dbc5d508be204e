package dev.tether;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses how one persistent bean is stored, overriding {@code tether.codec}.
 *
 * <pre>{@code
 * @PersistentSessionScoped @StoreAs(StoreAs.Format.JSONB)
 * public class Preferences implements Serializable { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface StoreAs {

    /** @return the codec that stores the annotated bean */
    Format value();

    /** The codecs a bean may be stored with; {@code tether.codec} names the default. */
    enum Format {
        /** Java serialization, read through an allow-list. Stores any serializable object graph. */
        JAVA,
        /**
         * JSON-B. Stores the bean's fields, as {@link #JAVA} does; readable in the database and tolerant of added
         * and removed fields. Holds plain data only (no interface or {@code Object} fields, no final fields in
         * nested objects), which is checked at deployment.
         */
        JSONB
    }
}
