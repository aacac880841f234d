package org.opsdesk.bench.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 keep-alive client on one socket (Content-Length or chunked answers), with the API key. It
 * shares the 2 cores with the app and PostgreSQL, and the JDK HttpClient spent about 0.28 CPU-ms per request
 * there — CPU the app then lacked. Not thread-safe: one per client thread.
 */
public final class PlainHttp implements AutoCloseable {

    /** A status and the body as text. */
    public record Response(int status, String body) {}

    private final int port;
    private final String authorization;
    private Socket socket;
    private BufferedInputStream in;
    private OutputStream out;

    public PlainHttp(int port, String apiKey) {
        this.port = port;
        this.authorization = "Bearer " + apiKey;
    }

    /** Sends one request ({@code body} null: none) and reads the whole answer; reconnects after a failure. */
    public Response exchange(String method, String path, String body) throws IOException {
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
                .append("Authorization: ")
                .append(authorization)
                .append("\r\n")
                .append("Accept: application/json\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(payload.length)
                    .append("\r\n");
        }
        try {
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            return read();
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
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
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
        return new Response(code, bodyBytes.toString(StandardCharsets.UTF_8));
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
