package org.opsdesk.actions.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a multipart invocation into the JSON form the catalog checks: the {@code input} part's object, with each
 * file part added as its field's {@code {fileName, content: <base64>}} — so a file is checked (size, type sniffed
 * from its bytes) exactly as one sent in JSON.
 */
@Component
class MultipartInvocations {

    private final JsonMapper json;

    MultipartInvocations(JsonMapper json) {
        this.json = json;
    }

    ActionRequests.Invoke read(MultipartHttpServletRequest form) {
        ObjectNode input = input(form.getParameter("input"));
        for (var entry : form.getFileMap().entrySet()) {
            MultipartFile file = entry.getValue();
            ObjectNode upload = input.putObject(entry.getKey());
            upload.put("fileName", file.getOriginalFilename() == null ? entry.getKey() : file.getOriginalFilename());
            try {
                upload.put("content", Base64.getEncoder().encodeToString(file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String reason = form.getParameter("reason");
        org.opsdesk.operations.FreeText.reason(reason);
        String confirm = form.getParameter("confirm");
        if (confirm != null && confirm.length() > 200) {
            throw InvalidInput.of("confirm", "at most 200 characters");
        }
        return new ActionRequests.Invoke(input, reason, confirm);
    }

    private ObjectNode input(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(text);
            if (!node.isObject()) {
                throw InvalidInput.of("input", "must be a JSON object of the action's fields");
            }
            return (ObjectNode) node;
        } catch (JacksonException e) {
            throw InvalidInput.of("input", "must be a JSON object of the action's fields");
        }
    }
}
