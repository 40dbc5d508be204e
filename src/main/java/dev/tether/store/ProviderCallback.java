package dev.tether.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * A {@link LentConnection.Work} handed to a provider as an instance of the provider's own callback interface, known
 * only by name. Whatever the work throws is carried past the provider unchanged: a provider may wrap it or mark its
 * transaction for rollback, but the store must see its own exception.
 */
final class ProviderCallback<T> {

    /** The provider's call, given the callback to pass it. */
    @FunctionalInterface
    interface ProviderCall {
        Object invoke(ProviderCallback<?> callback) throws Exception;
    }

    private final LentConnection.Work<T> work;
    private T result;
    private RuntimeException thrown;

    private ProviderCallback(LentConnection.Work<T> work) {
        this.work = work;
    }

    /** Runs {@code work} through {@code call}; its result, or its own exception, or the provider's as a {@link StoreFailure}. */
    static <T> T run(LentConnection.Work<T> work, ProviderCall call) {
        ProviderCallback<T> callback = new ProviderCallback<>(work);
        try {
            call.invoke(callback);
        } catch (InvocationTargetException e) {
            callback.rethrowOwn();
            throw new StoreFailure(e.getCause() instanceof Exception cause ? cause : e);
        } catch (Exception e) {
            callback.rethrowOwn();
            throw new StoreFailure(e);
        }
        callback.rethrowOwn();
        return callback.result;
    }

    /** This callback as an instance of {@code callbackType}, whose method {@code methodName} takes the connection. */
    Object as(Class<?> callbackType, String methodName) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getName().equals(methodName)) {
                return runWork((Connection) arguments[0]);
            }
            return objectMethod(proxy, method, arguments);
        };
        return Proxy.newProxyInstance(callbackType.getClassLoader(), new Class<?>[] {callbackType}, handler);
    }

    /** Named so that a profile counts it for the store method that called it (bench/tools/phases.txt). */
    private T runWork(Connection connection) {
        try {
            result = work.run(connection);
            return result;
        } catch (RuntimeException e) {
            thrown = e;
            throw e;
        }
    }

    private void rethrowOwn() {
        if (thrown != null) {
            throw thrown;
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] arguments) {
        return switch (method.getName()) {
            case "equals" -> proxy == arguments[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "Tether's statements";
            default -> throw new UnsupportedOperationException(method.getName());
        };
    }
}
