package org.opsdesk.notifications.egress;

import inet.ipaddr.IPAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsdesk.shared.InvalidInput;

/**
 * Keeps webhook traffic on the public internet (SSRF guard). A URL passes when its scheme is https (http too with
 * {@code opsdesk.webhooks.allow-http=true}), it carries no credentials, and every address its host resolves to is
 * public — or lies in {@code opsdesk.webhooks.allowed-private-networks}.
 *
 * <p>Checked twice. At registration, {@link #checkRegistration} answers 422 on the field. At connect time the
 * sender resolves the host only through {@link #resolveVetted} (with Apache HttpClient 5, a {@code DnsResolver}
 * calling it): every address is checked and the socket goes to a checked address, so a DNS answer that changes
 * between registration and connect (DNS rebinding) cannot steer the request inside. {@link #vet} does both the URL
 * checks and that resolution for a pre-flight check before each attempt.
 * {@link #checkAddress} re-checks the address a socket actually reached. Redirects must not be followed (a 3xx
 * counts as a failed delivery), or each hop would need the same vetting.
 */
public final class DestinationGuard {

    /** How host names become addresses: the system resolver, or a fixed table in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final int MAX_URL_LENGTH = 2000;

    private final boolean allowHttp;
    private final List<IPAddress> allowedPrivateNetworks;
    private final Resolver resolver;

    public DestinationGuard(boolean allowHttp, List<String> allowedPrivateNetworks, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowedPrivateNetworks = allowedPrivateNetworks.stream()
                .filter(cidr -> !cidr.isBlank())
                .map(AddressClassifier::block)
                .toList();
        this.resolver = resolver;
    }

    /** The URL as it is stored, or 422 on {@code field} saying what is wrong with it. */
    public URI checkRegistration(String field, String url) {
        try {
            return vet(url).uri();
        } catch (DestinationRefused refused) {
            throw InvalidInput.of(field, refused.detail());
        }
    }

    /** Resolves the URL's host once and checks every address; the sender connects only to what this returns. */
    public VettedDestination vet(String url) {
        URI uri = parse(url);
        String host = host(uri);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return new VettedDestination(uri, host, port, List.of(resolveVetted(host)));
    }

    /**
     * The host's addresses, each checked, for a connection about to be opened (the HTTP client's resolver): refuses
     * with {@link DestinationRefused} when the host does not resolve or any address is not allowed.
     */
    public InetAddress[] resolveVetted(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new DestinationRefused("the host '" + host + "' does not resolve");
        }
        if (addresses.length == 0) {
            throw new DestinationRefused("the host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            checkAddress(host, address);
        }
        return addresses;
    }

    /** Refuses an address that is not public and not in an allowed network. */
    public void checkAddress(String host, InetAddress address) {
        Optional<String> why = AddressClassifier.nonPublic(address);
        if (why.isPresent() && allowedPrivateNetworks.stream().noneMatch(n -> AddressClassifier.within(n, address))) {
            String literal = address.getHostAddress();
            throw new DestinationRefused(
                    (host.equals(literal) ? "the address " : "the host '" + host + "' resolves to ") + literal + ", a "
                            + why.get() + " address; webhooks go to public addresses only");
        }
    }

    private URI parse(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            throw new DestinationRefused("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new DestinationRefused("not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new DestinationRefused("must be an absolute https URL");
        }
        if (scheme.equals("http") && !allowHttp) {
            throw new DestinationRefused(
                    "must use https (plain http is allowed only with opsdesk.webhooks.allow-http)");
        }
        if (uri.getRawUserInfo() != null
                || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new DestinationRefused(
                    "must not contain credentials (user:password@); authenticate with the signature");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new DestinationRefused("has no valid host name");
        }
        if (uri.getRawFragment() != null) {
            throw new DestinationRefused("must not contain a fragment (#…)");
        }
        return uri;
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
