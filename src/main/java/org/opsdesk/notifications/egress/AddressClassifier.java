package org.opsdesk.notifications.egress;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Says why an address is not a public destination, or nothing when it is. The JDK's own classification
 * ({@link InetAddress#isLoopbackAddress()} and friends) is asked first; explicit CIDR blocks (matched with the
 * IPAddress library) cover what the JDK does not name: carrier-grade NAT, unique-local IPv6, cloud metadata,
 * reserved and documentation ranges. IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4) are judged by the
 * IPv4 address inside; Teredo, which hides it, is refused outright.
 */
final class AddressClassifier {

    private static final Map<IPAddress, String> BLOCKED = new LinkedHashMap<>();

    static {
        // metadata first, so its more specific name wins over "link-local"/"private"
        block("cloud metadata", "169.254.169.254/32", "fd00:ec2::254/128", "100.100.100.200/32");
        block("this network", "0.0.0.0/8");
        block("private", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7");
        block("shared (carrier-grade NAT)", "100.64.0.0/10");
        block("loopback", "127.0.0.0/8", "::1/128");
        block("link-local", "169.254.0.0/16", "fe80::/10");
        block("IETF protocol assignment", "192.0.0.0/24");
        block("documentation", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32");
        block("benchmarking", "198.18.0.0/15");
        block("multicast", "224.0.0.0/4", "ff00::/8");
        block("reserved", "240.0.0.0/4", "::/128", "fec0::/10", "100::/64");
        block("Teredo tunnel", "2001::/32");
    }

    private AddressClassifier() {}

    /** Why this address must not be connected to, e.g. "loopback", or empty when it is public. */
    static Optional<String> nonPublic(InetAddress address) {
        Optional<InetAddress> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return nonPublic(embedded.get()).map(why -> why + " (embedded in " + address.getHostAddress() + ")");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        IPAddress ip = of(address);
        for (var entry : BLOCKED.entrySet()) {
            if (entry.getKey().contains(ip)) {
                return Optional.of(entry.getValue());
            }
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        return Optional.empty();
    }

    /** A CIDR block such as {@code 127.0.0.1/32} or {@code fd00::/8}; a bare address means just that address. */
    static IPAddress block(String cidr) {
        var parsed = new IPAddressString(cidr.trim());
        IPAddress address = parsed.getAddress();
        if (address == null) {
            throw new IllegalArgumentException("not an IP address or CIDR block: '" + cidr + "'");
        }
        return address.isPrefixed() ? address.toPrefixBlock() : address;
    }

    static boolean within(IPAddress block, InetAddress address) {
        if (block.contains(of(address))) {
            return true;
        }
        return embeddedIpv4(address).map(inner -> block.contains(of(inner))).orElse(false);
    }

    static IPAddress of(InetAddress address) {
        return address instanceof Inet4Address v4 ? new IPv4Address(v4) : new IPv6Address((Inet6Address) address);
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) or 6to4 address. */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean mapped = zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zero(b, 0, 12) && !zero(b, 12, 16) && !(zero(b, 12, 15) && b[15] == 1);
        boolean nat64 = (b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && zero(b, 4, 12);
        try {
            if (mapped || compatible || nat64) {
                return Optional.of(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) { // 6to4: 2002:aabb:ccdd::/48
                return Optional.of(InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]}));
            }
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
        return Optional.empty();
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static void block(String why, String... cidrs) {
        for (String cidr : cidrs) {
            BLOCKED.put(block(cidr), why);
        }
    }
}
