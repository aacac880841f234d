package org.opsdesk.platform.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.opsdesk.shared.PeerAddress;

/**
 * Records the TCP peer's address ({@link PeerAddress}) on every request. Runs as a context valve, after the
 * engine's {@code RemoteIpValve} may have replaced the remote address with a trusted proxy's
 * {@code X-Forwarded-For}: the peer address is the connection's own and never changes.
 */
final class PeerAddressValve extends ValveBase {

    PeerAddressValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        request.setAttribute(PeerAddress.ATTRIBUTE, request.getPeerAddr());
        getNext().invoke(request, response);
    }
}
