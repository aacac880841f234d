package org.opsdesk.notifications.manual;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.rules.NotificationChannel;
import org.opsdesk.notifications.templates.OperatorHtml;
import org.opsdesk.notifications.templates.PlainTextHtml;
import org.opsdesk.notifications.templates.RenderedMessage;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException.FieldError;

/**
 * What an operator sends instead of the rendered preview of a manual notification: any of the subject, the text and
 * the HTML body, each absent when left as rendered. Checked against the channel (an SMS has no subject, only email
 * has HTML) and sized for it: an SMS of more than ten concatenated parts or a subject that is not one line is
 * refused, not truncated. An HTML body an operator wrote is sanitised ({@link OperatorHtml}) before it goes out.
 */
record MessageEdit(@Nullable String subject, @Nullable String text, @Nullable String html) {

    static final int SUBJECT_MAX = 200;
    static final int HTML_MAX = 100_000;

    /** The message that goes out, and whether it differs from what the template rendered. */
    record Result(RenderedMessage message, boolean edited) {}

    static int textMax(NotificationChannel channel) {
        return switch (channel) {
            case SMS -> 1_600;
            case PUSH -> 1_000;
            default -> 20_000;
        };
    }

    /** 422 naming every field that does not suit the channel. */
    void validate(NotificationChannel channel) {
        var errors = new ArrayList<FieldError>();
        if (subject != null) {
            if (channel == NotificationChannel.SMS) {
                errors.add(new FieldError("subject", "an sms has no subject"));
            } else if (subject.isBlank()) {
                errors.add(new FieldError("subject", "must not be blank"));
            } else if (length(subject) > SUBJECT_MAX) {
                errors.add(new FieldError("subject", "must be at most " + SUBJECT_MAX + " characters"));
            } else if (subject.chars().anyMatch(Character::isISOControl)) {
                errors.add(new FieldError("subject", "must be one line, without control characters"));
            }
        }
        if (text != null) {
            if (text.isBlank()) {
                errors.add(new FieldError("text", "must not be blank"));
            } else if (length(text) > textMax(channel)) {
                errors.add(new FieldError(
                        "text", "must be at most " + textMax(channel) + " characters for " + channel.code()));
            }
        }
        if (html != null) {
            if (channel != NotificationChannel.EMAIL) {
                errors.add(new FieldError("html", "only an email has an HTML body"));
            } else if (html.isBlank()) {
                errors.add(new FieldError("html", "must not be blank"));
            } else if (length(html) > HTML_MAX) {
                errors.add(new FieldError("html", "must be at most " + HTML_MAX + " characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(List.copyOf(errors));
        }
    }

    /**
     * This edit applied to the preview. A text that differs only in line endings or trailing white space (what a
     * browser's text area does to it) is the preview's. An edited text without an edited HTML body gets an HTML body
     * made from it, never the template's HTML saying something else.
     */
    Result applyTo(RenderedMessage preview, NotificationChannel channel) {
        String newSubject = subject == null ? preview.subject() : subject.strip();
        String newText = text == null || sameText(text, preview.text()) ? preview.text() : normalized(text);
        boolean textEdited = !newText.equals(preview.text());
        String newHtml = html != null
                ? OperatorHtml.sanitized(html, preview.locale(), newSubject)
                : textEdited && channel == NotificationChannel.EMAIL
                        ? PlainTextHtml.of(newText, preview.locale(), newSubject)
                        : preview.html();
        boolean edited = textEdited
                || !Objects.equals(newSubject, preview.subject())
                || !Objects.equals(newHtml, preview.html());
        return new Result(new RenderedMessage(preview.locale(), newSubject, newText, newHtml), edited);
    }

    private static boolean sameText(String edited, String rendered) {
        return normalized(edited).stripTrailing().equals(normalized(rendered).stripTrailing());
    }

    private static String normalized(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
