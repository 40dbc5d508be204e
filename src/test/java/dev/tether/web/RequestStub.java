package dev.tether.web;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The few parts of an HTTP request that Tether's boundary reads: its cookies, attributes and the caller the
 * container knows. Everything else is refused, so a test notices when the code under test asks for more.
 */
final class RequestStub {

    private RequestStub() {
    }

    static HttpServletRequest withCookie(String cookie, Principal caller) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(RequestStub.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> Collections.enumeration("Cookie".equalsIgnoreCase((String) args[0])
                            ? List.of(cookie) : List.of());
                    case "getHeader" -> null;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getUserPrincipal" -> caller;
                    case "getContextPath" -> "/app";
                    case "isSecure" -> false;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "request with " + cookie;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
