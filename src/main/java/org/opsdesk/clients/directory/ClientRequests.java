package org.opsdesk.clients.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.clients.Channel;
import org.opsdesk.shared.InvalidInput;

/** The body of {@code PUT /api/v1/clients/{subject}} and how it becomes a {@link ClientDraft}. */
final class ClientRequests {

    /** Like operations' subject: visible characters, inner spaces allowed, at most 128. */
    static final String SUBJECT = "[\\p{Graph}]([\\p{Graph} ]*[\\p{Graph}])?";

    static final String TEXT = "[^\\p{Cntrl}]*";
    static final String EMAIL = "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+";
    static final String PHONE = "\\+[1-9][0-9]{6,14}";
    static final String LOCALE = "en|pt-BR|nl|pl";

    private ClientRequests() {}

    record Upsert(
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = "no control characters") String name,
            @Nullable
                    @Size(max = 254)
                    @Pattern(regexp = EMAIL, message = "not an email address such as ana@example.com")
                    String email,
            @Nullable
                    @Pattern(
                            regexp = PHONE,
                            message = "E.164: '+' then 7 to 15 digits, the first not 0, such as +5511987654321")
                    String phone,
            @Nullable Boolean phoneVerified,
            @NotNull @Pattern(regexp = LOCALE, message = "one of en, pt-BR, nl, pl") String locale,
            @Valid @Nullable Consents consents,
            @Nullable @Size(max = 4096) @Pattern(regexp = "\\p{Graph}+", message = "visible characters, no spaces")
                    String pushToken) {}

    record Consents(
            @Valid @Nullable Statement email, @Valid @Nullable Statement sms, @Valid @Nullable Statement push) {}

    /** {@code at} is text so that a malformed time is a 422 on its field like every other invalid value. */
    record Statement(
            @NotNull Boolean granted,
            @Nullable @Size(max = 64) String at,
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = "no control characters") String source) {}

    static ClientDraft draft(String subject, Upsert body) {
        if (subject.length() > 128 || !subject.matches(SUBJECT)) {
            throw InvalidInput.of(
                    "subject", "1 to 128 visible characters, inner spaces allowed (as the operations' subject)");
        }
        boolean verified = Boolean.TRUE.equals(body.phoneVerified());
        if (verified && body.phone() == null) {
            throw InvalidInput.of("phoneVerified", "cannot be true without a phone");
        }
        var consents = new EnumMap<Channel, ClientDraft.Statement>(Channel.class);
        if (body.consents() != null) {
            put(consents, Channel.EMAIL, body.consents().email());
            put(consents, Channel.SMS, body.consents().sms());
            put(consents, Channel.PUSH, body.consents().push());
        }
        return new ClientDraft(
                subject,
                body.name(),
                body.email(),
                body.phone(),
                verified,
                body.locale(),
                body.pushToken(),
                Map.copyOf(consents));
    }

    private static void put(
            Map<Channel, ClientDraft.Statement> consents, Channel channel, @Nullable Statement statement) {
        if (statement != null) {
            consents.put(
                    channel,
                    new ClientDraft.Statement(statement.granted(), time(channel, statement.at()), statement.source()));
        }
    }

    private static @Nullable Instant time(Channel channel, @Nullable String at) {
        if (at == null) {
            return null;
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(
                    "consents." + channel.code() + ".at",
                    "an ISO-8601 time with its offset, such as 2026-03-01T10:15:30Z");
        }
    }
}
