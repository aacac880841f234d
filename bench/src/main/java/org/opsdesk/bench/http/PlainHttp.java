package org.opsdesk.bench.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A minimal HTTP/1.1 keep-alive client on one socket (Content-Length or chunked answers), with the API key or, for
 * pages, without one. It shares the 2 cores with the app and PostgreSQL, and the JDK HttpClient spent about 0.28
 * CPU-ms per request there — CPU the app then lacked. Not thread-safe: one per client thread.
 */
public final class PlainHttp implements AutoCloseable {

    /** A status, the body as text, and the headers (names in lower case) in the order they came. */
    public record Response(int status, String body, List<Map.Entry<String, String>> headers) {

        /** The first value of a header (name in lower case), or null. */
        public String header(String name) {
            for (var header : headers) {
                if (header.getKey().equals(name)) {
                    return header.getValue();
                }
            }
            return null;
        }

        /** Every value of a header (name in lower case), such as each {@code set-cookie}. */
        public List<String> headers(String name) {
            return headers.stream()
                    .filter(header -> header.getKey().equals(name))
                    .map(Map.Entry::getValue)
                    .toList();
        }
    }

    private final int port;
    private final String authorization;
    /**
     * A connection idle longer than this is opened afresh before the next request: Tomcat closes idle keep-alive
     * connections after 20 s (its connection timeout), and a request written into one that the server has closed
     * gets no answer at all. (Browsers retry then; a benchmark must not resend what may have been done.)
     */
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private Socket socket;
    private BufferedInputStream in;
    private OutputStream out;
    private long lastUsed;

    public PlainHttp(int port, String apiKey) {
        this.port = port;
        this.authorization = apiKey == null ? null : "Bearer " + apiKey;
    }

    /** Without an API key: a browser's requests, whose headers (a cookie) the caller gives. */
    public static PlainHttp anonymous(int port) {
        return new PlainHttp(port, null);
    }

    /** Sends one JSON request ({@code body} null: none) and reads the whole answer; reconnects after a failure. */
    public Response exchange(String method, String path, String body) throws IOException {
        return send(method, path, "application/json", Map.of(), "application/json", body);
    }

    /**
     * Sends one request with these extra headers and, unless {@code body} is null, a body of {@code contentType};
     * reads the whole answer; reconnects after a failure.
     */
    public Response send(
            String method, String path, String accept, Map<String, String> headers, String contentType, String body)
            throws IOException {
        if (socket != null && !socket.isClosed() && System.nanoTime() - lastUsed > MAX_IDLE_NANOS) {
            socket.close();
        }
        if (socket == null || socket.isClosed()) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = new BufferedOutputStream(socket.getOutputStream(), 4096);
        }
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder(256)
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(port)
                .append("\r\n")
                .append("Accept: ")
                .append(accept)
                .append("\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Type: ")
                    .append(contentType)
                    .append("\r\nContent-Length: ")
                    .append(payload.length)
                    .append("\r\n");
        }
        try {
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            var response = read();
            lastUsed = System.nanoTime();
            return response;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private Response read() throws IOException {
        String status = line();
        if (status == null || status.length() < 12) {
            throw new IOException("no HTTP status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        var headers = new ArrayList<Map.Entry<String, String>>();
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(
                        lower.substring(0, colon), header.substring(colon + 1).trim()));
            }
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        var bodyBytes = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                bodyBytes.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (length > 0) {
            bodyBytes.write(in.readNBytes((int) length));
        }
        if (close) {
            socket.close();
        }
        return new Response(code, bodyBytes.toString(StandardCharsets.UTF_8), headers);
    }

    private int chunkSize() throws IOException {
        String size = line();
        if (size == null) {
            throw new IOException("the answer ended inside its chunks");
        }
        return Integer.parseInt(size.split(";")[0].trim(), 16);
    }

    private String line() throws IOException {
        var text = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = text.length();
                return n > 0 && text.charAt(n - 1) == '\r' ? text.substring(0, n - 1) : text.toString();
            }
            text.append((char) c);
        }
        return text.length() == 0 ? null : text.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}
