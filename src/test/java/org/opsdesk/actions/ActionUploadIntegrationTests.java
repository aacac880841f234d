package org.opsdesk.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;

/**
 * Uploads to an action's {@code upload} field, as a multipart form or base64 in JSON: the type is sniffed from the
 * bytes and must be a declared one, the size within the field's; the operation keeps the file's name, type and
 * size as text, never its bytes.
 */
class ActionUploadIntegrationTests extends IntegrationTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H'};
    private static final byte[] HTML = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

    private ApiClient.Response multipart(TestWidgets.Widget widget, String fileName, byte[] content) {
        String boundary = "opsdesk-test-boundary";
        var body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\nevidence attached\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"input\"\r\n\r\n{\"level\":\"high\"}\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api().send(
                        "POST",
                        "/api/v1/test-widgets/" + widget.id() + "/actions/test-widget.suspend",
                        body.toByteArray(),
                        "Content-Type",
                        "multipart/form-data; boundary=" + boundary);
    }

    @Test
    void takesAMultipartUploadAndKeepsOnlyItsDescriptionOnTheOperation() {
        var widget = TestWidgets.widget("active");
        var answer = multipart(widget, "photo.png", PNG);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var attributes = api().get("/api/v1/operations/"
                        + answer.json().at("/operation/id").asString())
                .json()
                .get("attributes");
        assertThat(attributes.at("/input/evidence").asString()).isEqualTo("photo.png (image/png, 14 bytes)");
        assertThat(attributes.at("/input/level").asString()).isEqualTo("high");
    }

    @Test
    void refusesAFileWhoseContentIsNotADeclaredTypeWhateverItClaims() {
        var widget = TestWidgets.widget("active");
        var answer = multipart(widget, "statement.pdf", HTML);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("input.evidence");
        assertThat(TestWidgets.WIDGETS.get(widget.id()).state()).isEqualTo("active");
    }

    @Test
    void refusesAFileAboveTheFieldsSize() {
        var widget = TestWidgets.widget("active");
        byte[] large = Arrays.copyOf(PNG, 4096);
        var answer = multipart(widget, "large.png", large);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().at("/errors/0/message").asString()).contains("2048");
    }

    @Test
    void refusesBadBase64AndAnEmptyFileInJson() {
        var widget = TestWidgets.widget("active");
        String path = "/api/v1/test-widgets/" + widget.id() + "/actions/test-widget.suspend";
        var notBase64 = api().post(
                        path,
                        "{\"input\":{\"evidence\":{\"fileName\":\"a.png\",\"content\":\"%%%\"}},\"reason\":\"r\"}");
        assertThat(notBase64.status()).isEqualTo(422);
        assertThat(notBase64.json().at("/errors/0/field").asString()).isEqualTo("input.evidence.content");
        var empty = api().post(
                        path, "{\"input\":{\"evidence\":{\"fileName\":\"a.png\",\"content\":\"\"}},\"reason\":\"r\"}");
        assertThat(empty.status()).isEqualTo(422);
        var traversal = api().post(
                        path,
                        "{\"input\":{\"evidence\":{\"fileName\":\"../../etc/passwd\",\"content\":\""
                                + Base64.getEncoder().encodeToString(PNG) + "\"}},\"reason\":\"r\"}");
        assertThat(traversal.status()).isEqualTo(422);
        assertThat(traversal.json().at("/errors/0/field").asString()).isEqualTo("input.evidence.fileName");
    }
}
