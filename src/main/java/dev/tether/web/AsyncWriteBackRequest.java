package dev.tether.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request as the application sees it: when it goes asynchronous, its {@link AsyncContext} hands out the
 * write-back response (Payara's {@code startAsync()} would give the container's own, whose first byte commits
 * before any write-back), and completing or dispatching it writes the unit of work back first.
 */
final class AsyncWriteBackRequest extends HttpServletRequestWrapper {

    private final WriteBackResponse response;
    private WriteBackAsyncContext async;

    AsyncWriteBackRequest(HttpServletRequest request, WriteBackResponse response) {
        super(request);
        this.response = response;
    }

    @Override
    public AsyncContext startAsync() {
        return startAsync(this, response);
    }

    @Override
    public synchronized AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        async = new WriteBackAsyncContext(getRequest().startAsync(request, response), this.response);
        return async;
    }

    @Override
    public synchronized AsyncContext getAsyncContext() {
        AsyncContext started = getRequest().getAsyncContext();
        return async != null && started == async.container() ? async : started;
    }
}
