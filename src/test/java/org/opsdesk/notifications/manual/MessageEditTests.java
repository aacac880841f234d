package org.opsdesk.notifications.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opsdesk.notifications.rules.NotificationChannel;
import org.opsdesk.notifications.templates.RenderedMessage;
import org.opsdesk.shared.InvalidInput;

class MessageEditTests {

    private static final RenderedMessage PREVIEW = new RenderedMessage(
            "pt-BR",
            "Seu depósito D-1 foi recusado",
            "Olá, Ana,\n\nNão pudemos aceitar seu depósito D-1.\n",
            "<html><body><p>Olá, Ana,</p></body></html>");

    @Test
    void sendsThePreviewUnchangedWhenNothingIsEdited() {
        var result = new MessageEdit(null, null, null).applyTo(PREVIEW, NotificationChannel.EMAIL);

        assertThat(result.message()).isEqualTo(PREVIEW);
        assertThat(result.edited()).isFalse();
    }

    @Test
    void takesTheSameTextWithOtherLineEndsAsUnedited() {
        var browser = "Olá, Ana,\r\n\r\nNão pudemos aceitar seu depósito D-1.";

        var result = new MessageEdit(PREVIEW.subject(), browser, null).applyTo(PREVIEW, NotificationChannel.EMAIL);

        assertThat(result.message()).isEqualTo(PREVIEW);
        assertThat(result.edited()).isFalse();
    }

    @Test
    void derivesEscapedHtmlFromAnEditedTextKeepingParagraphsAndLineBreaks() {
        var edit = new MessageEdit(null, "Olá <b>Ana</b>,\r\n\r\nLinha um & \"dois\"\nLinha 'três'\n\n\n", null);

        var result = edit.applyTo(PREVIEW, NotificationChannel.EMAIL);

        assertThat(result.edited()).isTrue();
        assertThat(result.message().subject()).isEqualTo(PREVIEW.subject());
        assertThat(result.message().text()).isEqualTo("Olá <b>Ana</b>,\n\nLinha um & \"dois\"\nLinha 'três'\n\n\n");
        assertThat(result.message().html())
                .startsWith("<!DOCTYPE html>\n<html lang=\"pt-BR\">")
                .contains("<title>Seu depósito D-1 foi recusado</title>")
                .contains("  <p>Olá &lt;b&gt;Ana&lt;/b&gt;,</p>\n"
                        + "  <p>Linha um &amp; &quot;dois&quot;<br>\nLinha &#39;três&#39;</p>\n</body>")
                .doesNotContain("<b>");
    }

    @Test
    void keepsTheOperatorsOwnHtmlWhenTheyEditedIt() {
        var edit = new MessageEdit(null, "Novo texto", "<p>Novo <em>texto</em></p>");

        var result = edit.applyTo(PREVIEW, NotificationChannel.EMAIL);

        // kept, sanitised, inside a document of its own (OperatorHtml): the operator's markup survives as written
        assertThat(result.message().html()).startsWith("<!DOCTYPE html>").contains("<p>Novo <em>texto</em></p>");
        assertThat(result.edited()).isTrue();
    }

    @Test
    void countsAnEditedSubjectAloneAsAnEdit() {
        var result = new MessageEdit("  Depósito recusado  ", null, null).applyTo(PREVIEW, NotificationChannel.EMAIL);

        assertThat(result.message().subject()).isEqualTo("Depósito recusado");
        assertThat(result.message().html()).isEqualTo(PREVIEW.html());
        assertThat(result.edited()).isTrue();
    }

    @Test
    void editsAnSmsWithoutMakingHtml() {
        var sms = new RenderedMessage("nl", null, "D-1: geweigerd.", null);

        var result = new MessageEdit(null, "D-1: geweigerd, bel ons.", null).applyTo(sms, NotificationChannel.SMS);

        assertThat(result.message().html()).isNull();
        assertThat(result.message().text()).isEqualTo("D-1: geweigerd, bel ons.");
    }

    @Test
    void refusesWhatTheChannelCannotCarryNamingEachField() {
        assertThatThrownBy(
                        () -> new MessageEdit("Title", "x".repeat(1_601), "<p>x</p>").validate(NotificationChannel.SMS))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field())
                        .containsExactly("subject", "text", "html"));
        assertThatThrownBy(() ->
                        new MessageEdit("a\r\nBcc: x@example.com", null, null).validate(NotificationChannel.EMAIL))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.errors().get(0).message())
                                .isEqualTo("must be one line, without control characters"));
    }

    @Test
    void acceptsTextUpToTheChannelsLimitCountedInCharactersNotBytes() {
        new MessageEdit(null, "ą".repeat(1_600), null).validate(NotificationChannel.SMS);
        new MessageEdit("ą".repeat(200), "😀".repeat(20_000), null).validate(NotificationChannel.EMAIL);
    }
}
