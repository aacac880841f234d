package org.opsdesk.operations.lifecycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.FreeText;
import tools.jackson.databind.JsonNode;

/** Request bodies of the operations API, validated field by field. */
final class OperationRequests {

    /** Printable text without control characters: a reason ({@link FreeText}, the rule every caller meets). */
    static final String TEXT = FreeText.REASON_PATTERN;
    /** Free text: line breaks and tabs allowed, other control characters (NUL among them) not. */
    static final String MULTILINE_TEXT = FreeText.COMMENT_PATTERN;
    /** Identifiers from other systems: visible characters, no spaces at the ends. */
    static final String IDENTIFIER = "[\\p{Graph}]([\\p{Graph} ]*[\\p{Graph}])?";

    private OperationRequests() {}

    record Create(
            @NotBlank @Size(max = 64) String type,
            @NotBlank
                    @Size(max = 128)
                    @Pattern(regexp = IDENTIFIER, message = "visible characters only, no leading or trailing spaces")
                    String reference,
            @NotBlank
                    @Size(max = 128)
                    @Pattern(regexp = IDENTIFIER, message = "visible characters only, no leading or trailing spaces")
                    String subject,
            @Valid @Nullable Amount amount,
            @Nullable JsonNode attributes) {}

    record Amount(@NotNull @Size(max = 50) String value, @NotBlank @Size(max = 10) String currency) {}

    record Transition(
            @NotBlank @Size(max = 64) String to,
            @Nullable @Size(max = FreeText.REASON_MAX) @Pattern(regexp = TEXT, message = "no control characters")
                    String reason,
            @Nullable
                    @Size(max = FreeText.COMMENT_MAX)
                    @Pattern(regexp = MULTILINE_TEXT, message = "no control characters other than line breaks and tabs")
                    String comment) {}

    record EditAttributes(
            @NotNull JsonNode attributes,
            @Nullable @Size(max = FreeText.REASON_MAX) @Pattern(regexp = TEXT, message = "no control characters")
                    String reason) {}

    record Release(
            @Nullable @Size(max = FreeText.REASON_MAX) @Pattern(regexp = TEXT, message = "no control characters")
                    String reason) {}

    record Assign(
            @Nullable @Size(min = 1, max = 64) @Pattern(regexp = IDENTIFIER, message = "visible characters only")
                    String assignee,
            @Nullable @Size(max = FreeText.REASON_MAX) @Pattern(regexp = TEXT, message = "no control characters")
                    String reason) {}

    record Comment(
            @NotBlank
                    @Size(max = FreeText.COMMENT_MAX)
                    @Pattern(regexp = MULTILINE_TEXT, message = "no control characters other than line breaks and tabs")
                    String text) {}
}
