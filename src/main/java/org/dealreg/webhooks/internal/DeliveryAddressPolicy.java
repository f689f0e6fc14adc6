package org.dealreg.webhooks.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the portal may post: an absolute https address (with no user name in it) whose host resolves only to public
 * addresses. Loopback, private (site-local, IPv6 unique-local), link-local, carrier-grade NAT, "this network", any-local
 * and multicast addresses are refused, so a subscription cannot make the portal reach into its own network. With
 * {@code allowPrivate} (the setting {@code dealreg.webhooks.allow-private-addresses}, for tests and development) any
 * address and plain http are allowed. Checked when a subscription is saved and again before each delivery.
 */
final class DeliveryAddressPolicy {

    /** Looks a host name up; the JDK's resolver in production, a fixed answer in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final Resolver DNS = InetAddress::getAllByName;

    private final boolean allowPrivate;
    private final Resolver resolver;

    DeliveryAddressPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Empty when the portal may post to {@code url}; else the message code saying why not. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("webhooks.url.invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("webhooks.url.invalid");
        }
        if (scheme.equals("http") && !allowPrivate) {
            return Optional.of("webhooks.url.https");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(hostOf(uri));
        } catch (UnknownHostException e) {
            return Optional.of("webhooks.url.unknownHost");
        }
        if (addresses.length == 0) {
            return Optional.of("webhooks.url.unknownHost");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    return Optional.of("webhooks.url.private");
                }
            }
        }
        return Optional.empty();
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7 unique-local; an IPv4-mapped or -compatible address is judged as its IPv4 address
            if ((b[0] & 0xfe) == 0xfc) {
                return false;
            }
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            if (zeros && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0 // "this network"
                && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                && !(first == 255); // broadcast
    }
}
