package org.sectriage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Loopback ports for the servers a test starts. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * {@code count} different ports on 127.0.0.1 that were free a moment ago: each is held until all are
     * found, since a port given back is often the next one handed out.
     */
    public static int[] onLoopback(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // it was only held to keep the port from being handed out twice
                }
            }
        }
    }
}
