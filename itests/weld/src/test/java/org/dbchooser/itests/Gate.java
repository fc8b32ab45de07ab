package org.dbchooser.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP gate on loopback in front of one server. Open, it passes every connection
 * through; closed, it cuts the connections it carries and turns each new one away at
 * once (accepted, then closed: the driver fails fast, as against a server that is
 * going down), and notes when each was turned away.
 */
final class Gate implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Long> turnedAway = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Listens on {@code port} of 127.0.0.1 and passes connections to {@code target} there. */
    Gate(int port, int target) throws IOException {
        this.listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        Thread acceptor = new Thread(this::accept, "gate-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (closed) {
                    turnedAway.add(System.nanoTime());
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // the listener was closed, or one connection failed: the others go on
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException cut) {
                // the gate closed, or either side went away
            } finally {
                quietly(from);
                quietly(to);
            }
        }, "gate-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Cuts every connection it carries, and turns new ones away until {@link #open()}. */
    void shut() {
        closed = true;
        open.forEach(Gate::quietly);
        open.clear();
    }

    void open() {
        closed = false;
    }

    /** When (nanoTime) each connection was turned away, in order. */
    List<Long> turnedAway() {
        return List.copyOf(turnedAway);
    }

    @Override
    public void close() {
        shut();
        quietly(listener);
    }

    private static void quietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that is wanted
        }
    }
}
