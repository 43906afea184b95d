package dev.forja.serve.http;

import io.undertow.Undertow;
import java.net.InetSocketAddress;

/** Where a started Undertow server listens, as a port and as a URL a client on this machine can use. */
public final class ListenerAddress {
    private ListenerAddress() {
    }

    public static int port(Undertow undertow) {
        return address(undertow).getPort();
    }

    /** {@code http://host:port}; a wildcard address (0.0.0.0) is reached through loopback. */
    public static String url(Undertow undertow) {
        InetSocketAddress a = address(undertow);
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private static InetSocketAddress address(Undertow undertow) {
        return (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    }
}
