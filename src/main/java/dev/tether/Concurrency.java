package dev.tether;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The concurrency policy of one persistent bean, overriding {@code tether.concurrency}.
 *
 * <pre>{@code
 * @PersistentSessionScoped @Concurrency(ConcurrencyPolicy.LAST_WRITE_WINS)
 * public class RecentlyViewed implements Serializable { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Concurrency {

    /** @return the policy for the annotated bean */
    ConcurrencyPolicy value();
}
