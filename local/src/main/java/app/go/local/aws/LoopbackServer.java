package app.go.local.aws;

import java.net.URI;

/** An engine embedded in this JVM that serves HTTP on 127.0.0.1 at one port. */
public abstract class LoopbackServer implements AutoCloseable {
    private final int port;

    protected LoopbackServer(int port) {
        this.port = port;
    }

    public final URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public final int port() {
        return port;
    }

    @Override
    public abstract void close();

    /** For the start and stop times these engines log. */
    protected static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
