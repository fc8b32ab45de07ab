package org.dbchooser.impl.http;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that runs one action just before it starts (headers and cookies can
 * still be added then): the read-your-writes token is computed when the request's
 * writes are done, and added before the body goes out.
 */
final class TokenResponse extends HttpServletResponseWrapper {

    private final Runnable beforeStart;
    private boolean started;

    TokenResponse(HttpServletResponse response, Runnable beforeStart) {
        super(response);
        this.beforeStart = beforeStart;
    }

    /** Runs the action, once; the filter calls it too when the request wrote no body. */
    void start() {
        if (!started) {
            started = true;
            beforeStart.run();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        start();
        return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        start();
        return super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
        start();
        super.flushBuffer();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        start();
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        start();
        super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        start();
        super.sendRedirect(location);
    }
}
