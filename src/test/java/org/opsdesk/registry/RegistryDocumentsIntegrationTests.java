package org.opsdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.support.ApiClient;

/**
 * Documents: the type sniffed from the bytes whatever the client claims, the size cap, only PDF, PNG and JPEG kept,
 * and the download always an attachment with nosniff — never rendered by a browser in Opsdesk's origin.
 */
class RegistryDocumentsIntegrationTests extends RegistryIntegrationTest {

    /** The PNG signature and an IHDR chunk: what Tika's magic bytes recognise as a PNG. */
    static final byte[] PNG = HexFormat.of()
            .parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    + "0000000d4944415478da63f8cfc0f01f0005000201a5f5d8a50000000049454e44ae426082");

    static final byte[] JPEG = HexFormat.of().parseHex("ffd8ffe000104a46494600010100000100010000ffd9");

    @Test
    void keepsTheSniffedTypeNotTheClaimedOneAndServesItAsAnAttachment() throws Exception {
        String account = registry().personalAccount(registry().person("Sara Teles"));
        var upload = new ActionInput.Upload("../../etc/passport.pdf", "application/pdf", PNG);
        var applied = registry().take("document.upload", "account", account, Map.of("file", upload));
        assertThat(applied.changes())
                .containsEntry("contentType", "image/png")
                .containsEntry("fileName", "passport.pdf");
        String document = applied.changes().get("document");

        var listed = api().get("/api/v1/accounts/" + account + "/documents")
                .json()
                .get("items")
                .get(0);
        assertThat(listed.get("id").asString()).isEqualTo(document);
        assertThat(listed.get("contentType").asString()).isEqualTo("image/png");
        assertThat(listed.get("sizeBytes").asInt()).isEqualTo(PNG.length);

        var download = download(document, apiKeyWith(RegistryPermissions.DOCUMENTS));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PNG);
        assertThat(download.headers().firstValue("content-type")).hasValue("image/png");
        assertThat(download.headers().firstValue("content-disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("passport.pdf");
        assertThat(download.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("content-security-policy").orElseThrow())
                .contains("sandbox");
    }

    @Test
    void refusesContentThatIsNotAPdfPngOrJpegWhateverItsNameSays() {
        String account = registry().personalAccount(registry().person("Tiago Reis"));
        long before = documents();
        byte[] html =
                "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(refused(account, new ActionInput.Upload("id.pdf", "application/pdf", html)))
                .isEqualTo("file: the file's content is text/html, not a PDF, PNG or JPEG");
        byte[] zip = HexFormat.of().parseHex("504b0304140000000800");
        assertThat(refused(account, new ActionInput.Upload("id.png", "image/png", zip)))
                .startsWith("file: the file's content is application/zip");
        assertThat(refused(account, new ActionInput.Upload("id.jpg", "image/jpeg", new byte[0])))
                .isEqualTo("file: the file is empty");
        assertThat(documents()).isEqualTo(before);

        var jpeg = registry()
                .take(
                        "document.upload",
                        "account",
                        account,
                        Map.of("file", new ActionInput.Upload("selfie", "text/plain", JPEG)));
        assertThat(jpeg.changes()).containsEntry("contentType", "image/jpeg");
    }

    @Test
    void refusesAFileLargerThanTheCap() {
        String account = registry().personalAccount(registry().person("Ursula Paz"));
        var big = new ByteArrayOutputStream();
        big.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        big.writeBytes(new byte[5 * 1024 * 1024]);
        assertThat(refused(account, new ActionInput.Upload("big.pdf", "application/pdf", big.toByteArray())))
                .isEqualTo("file: the file is " + big.size() + " bytes; at most 5242880 are kept");
        assertThatThrownBy(() -> registry().take("document.upload", "account", account, Map.of()))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.detail()).isEqualTo("file: is required"));
    }

    @Test
    void downloadingNeedsItsOwnPermissionAndADeletedDocumentIsGone() throws Exception {
        String account = registry().personalAccount(registry().person("Vera Luz"));
        String document = registry()
                .take(
                        "document.upload",
                        "account",
                        account,
                        Map.of(
                                "file",
                                new ActionInput.Upload(
                                        "proof.pdf",
                                        "application/pdf",
                                        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))))
                .changes()
                .get("document");
        assertThat(download(document, apiKeyWith(RegistryPermissions.READ)).statusCode())
                .isEqualTo(403);
        assertThat(download(document, apiKeyWith(RegistryPermissions.DOCUMENTS)).statusCode())
                .isEqualTo(200);

        registry().take("document.delete", "document", document, Map.of());
        assertThat(download(document, apiKeyWith(RegistryPermissions.DOCUMENTS)).statusCode())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/accounts/" + account + "/documents")
                        .json()
                        .get("items")
                        .isEmpty())
                .isTrue();
        registry().take("record.restore", "deleted-record", document, Map.of());
        assertThat(download(document, apiKeyWith(RegistryPermissions.DOCUMENTS)).statusCode())
                .isEqualTo(200);
    }

    private String refused(String account, ActionInput.Upload upload) {
        try {
            registry().take("document.upload", "account", account, Map.of("file", upload));
        } catch (InvalidInput e) {
            return e.detail();
        }
        throw new AssertionError("accepted");
    }

    private long documents() {
        return jdbc.sql("select count(*) from registry.document")
                .query(Long.class)
                .single();
    }

    /** A client whose key holds exactly this permission. */
    private ApiClient apiKeyWith(String permission) {
        return apiWith(permission);
    }

    private HttpResponse<byte[]> download(String document, ApiClient client) throws Exception {
        var request = client.request("/api/v1/documents/" + document + "/content")
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
