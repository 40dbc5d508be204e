package dev.tether;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.context.NormalScope;

/**
 * A bean whose state lives in the database, keyed by the session ID the client presents.
 *
 * <p>Use it for state that must outlive the request, the server process and the node: a cart, user
 * preferences, a login. The bean is loaded the first time a request calls it and written back, only when
 * its serialized state changed, when the request ends.
 *
 * <pre>{@code
 * @PersistentSessionScoped
 * public class Cart implements Serializable {
 *     private final List<String> items = new ArrayList<>();
 *     public void add(String item) { items.add(item); }
 * }
 * }</pre>
 *
 * <p>The bean must be {@link java.io.Serializable}. Fields that hold injected references must be
 * {@code transient}: Tether injects them again each time it loads the bean, so a stored bean never
 * carries a container's proxy to another server.
 */
@NormalScope(passivating = true)
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface PersistentSessionScoped {
}
