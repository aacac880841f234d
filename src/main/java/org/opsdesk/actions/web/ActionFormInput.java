package org.opsdesk.actions.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionDefinition.Field;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a console action form into the JSON input the catalog checks, exactly as the API takes it: a blank field
 * is left out (so "required" is the catalog's to say), a whole number as a number when it reads as one (else as
 * typed, for the catalog to refuse), a money field from its {@code <name>.value} and {@code <name>.currency}
 * controls, a checkbox as {@code true}/{@code false}, a file as {@code {fileName, content: <base64>}}.
 */
final class ActionFormInput {

    private ActionFormInput() {}

    static ObjectNode read(ActionDefinition action, Map<String, String> form, Map<String, MultipartFile> files) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        for (Field field : action.input()) {
            String name = field.name();
            String typed = text(form.get(name));
            switch (field.type()) {
                case BOOLEAN -> input.put(name, "true".equals(typed));
                case INTEGER -> {
                    if (typed != null) {
                        try {
                            input.put(name, Long.parseLong(typed));
                        } catch (NumberFormatException notWhole) {
                            input.put(name, typed);
                        }
                    }
                }
                case MONEY -> {
                    String value = text(form.get(name + ".value"));
                    if (value != null) {
                        ObjectNode money = input.putObject(name);
                        money.put("value", value);
                        String currency = text(form.get(name + ".currency"));
                        money.put("currency", currency == null ? "" : currency);
                    }
                }
                case UPLOAD -> upload(input, name, files.get(name));
                default -> {
                    if (typed != null) {
                        input.put(name, typed);
                    }
                }
            }
        }
        return input;
    }

    private static void upload(ObjectNode input, String name, @Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return;
        }
        ObjectNode upload = input.putObject(name);
        upload.put("fileName", file.getOriginalFilename() == null ? name : file.getOriginalFilename());
        try {
            upload.put("content", Base64.getEncoder().encodeToString(file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
