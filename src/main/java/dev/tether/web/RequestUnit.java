package dev.tether.web;

import java.security.Principal;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletRequest;

import dev.tether.context.SessionUnits;
import dev.tether.context.UnitOfWorkHandle;
import dev.tether.context.WriteBack;

/**
 * The unit of work of one HTTP request, kept as a request attribute so that whichever layer sees the response
 * first (the JAX-RS response filter, or the Servlet response at its first byte) writes it back, exactly once.
 */
final class RequestUnit {

    static final String ATTRIBUTE = RequestUnit.class.getName();
    private static final Logger LOG = Logger.getLogger(RequestUnit.class.getName());

    private final SessionUnits units;
    private final SessionIdTransport transport;
    private final HttpServletRequest request;
    private final UnitOfWorkHandle handle;
    /** The unit's binding on the thread that runs it now: the request's, then an asynchronous dispatch's. */
    private UnitOfWorkHandle onThread;
    private boolean closed;

    private RequestUnit(SessionUnits units, SessionIdTransport transport, HttpServletRequest request,
                        UnitOfWorkHandle handle) {
        this.units = units;
        this.transport = transport;
        this.request = request;
        this.handle = handle;
        this.onThread = handle;
    }

    static RequestUnit open(SessionUnits units, SessionIdTransport transport, HttpServletRequest request) {
        UnitOfWorkHandle handle = units.open(transport.presentedId(request).orElse(null), () -> callerOf(request));
        RequestUnit unit = new RequestUnit(units, transport, request, handle);
        request.setAttribute(ATTRIBUTE, unit);
        return unit;
    }

    /**
     * The user the container authenticated for this request by its own means (Jakarta Security, FORM, BASIC...),
     * if any. A caller that Tether's mechanism took from the session itself is not followed: the session is
     * where that login lives, and it may have ended or logged out since the mechanism read it.
     */
    private static String callerOf(HttpServletRequest request) {
        if (request.getAttribute(PersistentSessionAuthentication.AUTHENTICATED_SESSION) != null) {
            return null;
        }
        Principal principal = request.getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    static RequestUnit of(HttpServletRequest request) {
        return (RequestUnit) request.getAttribute(ATTRIBUTE);
    }

    /**
     * Writes back and adds the ID headers, the first time it is called, from whichever thread completes the
     * request. A response that is a server error (5xx) writes nothing: the request failed. A response already
     * {@code committed} (the application went around Tether's response, e.g. through the container's own
     * {@code AsyncContext}) can carry no header: a write that would hand out a new ID is then abandoned.
     *
     * @throws RuntimeException when the write fails ({@link dev.tether.SessionConflictException},
     *         {@link dev.tether.SessionStoreUnavailableException}, an unserializable bean); nothing of the
     *         unit was written and it stays closed
     */
    synchronized void writeBack(int status, boolean committed, BiConsumer<String, String> addHeader) {
        if (closed) {
            return;
        }
        closed = true;
        if (status >= 500) {
            units.abandonDetached(handle);
            return;
        }
        WriteBack result = units.closeDetached(handle, !committed);
        transport.send(result, request, addHeader);
    }

    /**
     * Unbinds the unit from the thread that runs it (the request's, or an asynchronous dispatch's). Called by the
     * filter when the request leaves it, completed or gone asynchronous; writing back does not depend on which
     * thread it runs on.
     */
    synchronized void unbindFromThread() {
        units.detach(onThread);
    }

    /**
     * Binds the unit to the thread of an asynchronous dispatch of its request (the dispatched target continues the
     * request, so it uses the same persistent beans), until {@link #unbindFromThread}.
     */
    synchronized void bindToThread() {
        onThread = units.attach(handle);
    }

    /**
     * Says, in the log, which persistent beans the application changed after the unit was written back (its
     * response had started): the change is lost, and the response cannot carry an error any more.
     */
    void warnAboutChangesAfterWriteBack() {
        if (isClosed()) {
            for (String bean : units.changedAfterWriteBack(handle)) {
                LOG.warning(() -> "Tether: " + bean + " was changed after its persistent session was written back "
                        + "(the response had started) and the change is not stored; change persistent beans "
                        + "before the response's first byte");
            }
        }
    }

    /** Ends the unit without writing, if nothing wrote it back: the request failed before its response. */
    synchronized void abandonIfOpen() {
        if (!closed) {
            closed = true;
            units.abandonDetached(handle);
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    Object unproxied(Object entity) {
        return units.unproxied(handle, entity);
    }
}
