package dev.tether;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Runs the annotated business method as a unit of work of a persistent session, for entry points that are
 * not HTTP requests: scheduled jobs, message listeners, WebSocket endpoints. The session is the one whose
 * ID is passed in the parameter annotated {@link SessionId}; without such a parameter (or with a
 * {@code null}, unknown or malformed ID) the method runs in a fresh session. Changes are written back
 * before the method returns. When a unit of work is already active the method simply joins it.
 *
 * <pre>{@code
 * @ActivatePersistentSession
 * public void onMessage(@SessionId String sessionId, String item) { cart.add(item); }
 * }</pre>
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ActivatePersistentSession {
}
