package com.breakagency.adapter.jdbc;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback between a connection pool and PostgreSQL that reads the frontend protocol
 * stream message by message and, while armed, loses the reply to one {@code COMMIT}: it forwards the
 * commit (a simple query {@code Q COMMIT}, or the extended protocol's {@code Parse COMMIT ... Sync} that
 * pgjdbc sends) to the server, waits until the server starts to answer (so the server has committed),
 * and then closes both sockets instead of relaying the answer. Everything else passes unchanged. The
 * client must not ask for TLS ({@code sslmode=disable}): the proxy reads the plain protocol.
 *
 * <p>At most {@value #MAX_CONNECTIONS} connections at a time, two threads each; {@link #close()} closes
 * the listening socket and every connection and waits for the threads.
 */
final class CommitDroppingProxy implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 8;
    private static final int SSL_REQUEST_CODE = 80877103;

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final ExecutorService threads = Executors.newFixedThreadPool(1 + 2 * MAX_CONNECTIONS);
    private final List<Socket> sockets = new ArrayList<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger commitsSeen = new AtomicInteger();

    CommitDroppingProxy(String serverHost, int serverPort) throws IOException {
        this.server = new InetSocketAddress(serverHost, serverPort);
        this.listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    /** The port the proxy listens on, on loopback. */
    int port() {
        return listener.getLocalPort();
    }

    /** Loses the reply to the next COMMIT any connection sends. */
    void armOnce() {
        armed.set(true);
    }

    /** How many commit replies were lost. */
    int dropped() {
        return dropped.get();
    }

    /** How many COMMITs passed through. */
    int commitsSeen() {
        return commitsSeen.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                upstream.connect(server, 5_000);
                synchronized (sockets) {
                    if (sockets.size() >= 2 * MAX_CONNECTIONS) {
                        client.close();
                        upstream.close();
                        continue;
                    }
                    sockets.add(client);
                    sockets.add(upstream);
                }
                Connection connection = new Connection(client, upstream);
                threads.submit(connection::frontend);
                threads.submit(connection::backend);
            } catch (IOException e) {
                // the listener was closed, or one connection could not be made; the client sees a refusal
            }
        }
    }

    /** One proxied connection. */
    private final class Connection {
        private final Socket client;
        private final Socket upstream;
        /** Set once a commit has been forwarded whose reply this connection is to lose. */
        private volatile boolean dropNextReply;
        private boolean commitParsed;
        private boolean parsedCommit;
        private final java.util.Set<String> commitStatements = new java.util.HashSet<>();

        Connection(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        /** Client to server: message by message. */
        void frontend() {
            try (DataInputStream in = new DataInputStream(client.getInputStream())) {
                OutputStream out = upstream.getOutputStream();
                // the startup message (or an SSL/GSS request) has a length and no type byte
                int length = in.readInt();
                byte[] startup = new byte[length - 4];
                in.readFully(startup);
                if (length == 8 && readInt(startup, 0) == SSL_REQUEST_CODE) {
                    throw new IOException("the client asked for TLS; connect with sslmode=disable");
                }
                out.write(intBytes(length));
                out.write(startup);
                out.flush();
                while (true) {
                    int type = in.read();
                    if (type < 0) {
                        break;
                    }
                    int size = in.readInt();
                    byte[] body = new byte[size - 4];
                    in.readFully(body);
                    boolean isCommit = false;
                    if (type == 'Q') {
                        isCommit = isCommit(cString(body, 0));
                    } else if (type == 'P' && isCommit(cString(body, cStringEnd(body, 0) + 1))) {
                        // a named statement is bound again later without a new Parse
                        String name = cString(body, 0);
                        if (!name.isEmpty()) {
                            commitStatements.add(name);
                        }
                        isCommit = true;
                        parsedCommit = true;
                    } else if (type == 'B') {
                        String statement = cString(body, cStringEnd(body, 0) + 1);
                        isCommit = !parsedCommit && commitStatements.contains(statement);
                        parsedCommit = false;
                    }
                    if (isCommit) {
                        commitsSeen.incrementAndGet();
                        if (armed.compareAndSet(true, false)) {
                            if (type == 'Q') {
                                dropNextReply = true;
                            } else {
                                commitParsed = true;
                            }
                        }
                    } else if (type == 'S' && commitParsed) {
                        commitParsed = false;
                        dropNextReply = true;
                    }
                    out.write(type);
                    out.write(intBytes(size));
                    out.write(body);
                    out.flush();
                }
            } catch (IOException e) {
                // a socket was closed: the connection ends
            } finally {
                closeBoth();
            }
        }

        /** Server to client: relayed as it comes, except the reply to a commit being lost. */
        void backend() {
            byte[] buffer = new byte[8192];
            try (InputStream in = upstream.getInputStream()) {
                OutputStream out = client.getOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (dropNextReply) {
                        // the server answered the commit, so it has committed; the client never hears it
                        dropped.incrementAndGet();
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a socket was closed: the connection ends
            } finally {
                closeBoth();
            }
        }

        private void closeBoth() {
            closeQuietly(client);
            closeQuietly(upstream);
            synchronized (sockets) {
                sockets.remove(client);
                sockets.remove(upstream);
            }
        }
    }

    private static boolean isCommit(String query) {
        String q = query.strip().toUpperCase(Locale.ROOT);
        return q.equals("COMMIT") || q.equals("COMMIT;") || q.equals("END");
    }

    private static int cStringEnd(byte[] body, int from) throws EOFException {
        for (int i = from; i < body.length; i++) {
            if (body[i] == 0) {
                return i;
            }
        }
        throw new EOFException("an unterminated string in a protocol message");
    }

    private static String cString(byte[] body, int from) throws EOFException {
        return new String(body, from, cStringEnd(body, from) - from, StandardCharsets.UTF_8);
    }

    private static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() throws Exception {
        listener.close();
        synchronized (sockets) {
            sockets.forEach(CommitDroppingProxy::closeQuietly);
        }
        threads.shutdown();
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            threads.shutdownNow();
            throw new IllegalStateException("the proxy's threads did not stop");
        }
    }
}
