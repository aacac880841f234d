package org.opsdesk.banking.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsdesk.access.keys.ApiKeySecrets;
import org.opsdesk.access.keys.ApiKeyStore;
import org.opsdesk.banking.payouts.PayoutDesk;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

/**
 * A statement body over {@code opsdesk.uploads.max-bytes} is refused over HTTP with 413 and a problem, and nothing of
 * it is stored — declared too long (refused before a byte of the body is read) or sent chunked (refused as soon as it
 * grows past the limit). The limit is the shared test application's own (50 MB), so no context of its own is
 * started for it: the body is streamed, never held whole by the test.
 */
class StatementSizeLimitIntegrationTests extends IntegrationTest {

    private static final String IMPORTS = "/api/v1/exchange/statements";
    private static final String CASHIER = "gap-size-cashier";

    @Value("${opsdesk.uploads.max-bytes}")
    private long maxBytes;

    @Autowired
    private ApiKeyStore keys;

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedWith413BeforeItIsRead() throws IOException {
        String secret = cashierKey();
        byte[] statement = statementOfAnOfficeAccount("S901");
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + IMPORTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + secret
                            + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + (maxBytes + 1)
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(statement); // the beginning of the body; the answer comes without the rest
            out.flush();
            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
            assertThat(response).contains("\"status\":413").contains("the limit is " + maxBytes);
        }
        assertNothingStored();
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIsRefusedWith413AndNothingIsStored() {
        ApiClient cashier = api().withKey(cashierKey());
        byte[] statement = statementOfAnOfficeAccount("S902");
        long size = maxBytes + 1;
        var request = cashier.request(IMPORTS, "Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Repeated(statement, size)));

        var refused = cashier.send(request);

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        var problem = JsonMapper.builder().build().readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asString()).contains(String.valueOf(maxBytes));
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(jdbc.sql("select count(*) from banking.statement_import where created_by_name = ?")
                        .param(CASHIER)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from banking.statement where account_identifier = any(?)")
                        .param(ibans.toArray(String[]::new))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private final List<String> ibans = new java.util.ArrayList<>();

    /** A statement that would import (an office account's, reconciling), so that only its size refuses it. */
    private byte[] statementOfAnOfficeAccount(String id) {
        var account = new QarDesk(api()).account(PayoutDesk.bank(), "QAR");
        ibans.add(account.iban());
        return Mt940Texts.statement(account.iban(), "QAR", id, LocalDate.of(2026, 12, 4), "100.00")
                .credit("12.50", "a payment")
                .bytes();
    }

    private String cashierKey() {
        ensureOperator(CASHIER, "cashier");
        String secret = ApiKeySecrets.generate();
        keys.create(
                "key of " + CASHIER,
                secret,
                List.of("exchange:statements", "exchange:view"),
                Instant.now().plus(java.time.Duration.ofDays(1)),
                "operator:" + CASHIER,
                Instant.now());
        return secret;
    }

    /**
     * The response, read until it is complete: the server answers before the body it refused was sent, and may then
     * wait for the rest of it before closing the connection.
     */
    private static String readResponse(InputStream in) throws IOException {
        var read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            read.write(buffer, 0, n);
            String text = read.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0
                    && complete(text.substring(0, end).toLowerCase(java.util.Locale.ROOT), text.substring(end + 4))) {
                break;
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String head, String body) {
        var length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            return body.getBytes(StandardCharsets.ISO_8859_1).length >= Integer.parseInt(length.group(1));
        }
        return body.endsWith("0\r\n\r\n");
    }

    /** {@code size} bytes of a statement file repeated (a file of many statements), made as they are read. */
    private static final class Repeated extends InputStream {
        private final byte[] unit;
        private final long size;
        private long position;

        Repeated(byte[] unit, long size) {
            this.unit = unit;
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? unit[(int) (position++ % unit.length)] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = unit[(int) ((position + i) % unit.length)];
            }
            position += n;
            return n;
        }
    }
}
