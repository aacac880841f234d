package org.opsdesk.notifications.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsdesk.notifications.Changes;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.opsdesk.workflow.Status;

/** Every shipped template renders in every language with every variable resolved, escaped where it is HTML. */
class MessageRendererTests {

    private final MessageRenderer renderer = new MessageRenderer(new TemplateFiles(null));

    static List<Arguments> emailTemplatesAndLocales() {
        var templates = List.of(
                "exchange_order/completed",
                "exchange_order/cancelled",
                "deposit/completed",
                "deposit/declined",
                "team/operation_changed",
                "assignee/operation_changed");
        return templates.stream()
                .flatMap(t -> TemplateFiles.LOCALES.stream().map(l -> Arguments.of(t, l)))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("emailTemplatesAndLocales")
    void rendersEveryEmailTemplateInEveryLanguageWithNothingUnresolved(String template, String locale) {
        boolean staff = template.startsWith("team") || template.startsWith("assignee");
        var event = Changes.of(staff ? "deposit" : template.substring(0, template.indexOf('/')))
                .reference("EX-7781")
                .reason("Requested by the client")
                .build();

        var message = renderer.render(
                template, EnumSet.allOf(TemplatePart.class), MessageModel.of(event, "Ana Souza", locale), locale);

        assertThat(message.locale()).isEqualTo(locale);
        for (String part : List.of(message.subject(), message.text(), message.html())) {
            assertThat(part).isNotBlank().contains("EX-7781").doesNotContain("??", "null", "[[", "[(", "${", "th:");
        }
        assertThat(message.subject()).doesNotContain("\n");
        assertThat(message.html()).startsWith("<!DOCTYPE html>").contains("lang=\"" + locale + "\"");
    }

    /** What the exchange module writes into an order's attributes (the templates read it). */
    static final String ORDER_ATTRIBUTES =
            """
            {"pay": "1000.00 PLN", "receive": "231.76 EUR", "rate": "4.3147", "pair": "EUR/PLN",
             "paymentReference": "RF18 5390 0754 7034", "payInIban": "PL61 1090 1014 0000 0712 1981 2874",
             "payInBank": "Santander Bank Polska", "payInHolder": "Kantor Opsdesk", "deadline": "2026-11-23T10:30:30Z",
             "payoutIban": "DE89 3704 0044 0532 0130 00", "quote": {"id": "q-1"}}""";

    static List<Arguments> exchangeOrderTemplatesAndLocales() {
        return List.of("awaiting_payment", "funds_received", "payout_pending", "expired").stream()
                .flatMap(stage -> TemplateFiles.LOCALES.stream().map(l -> Arguments.of(stage, l)))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("exchangeOrderTemplatesAndLocales")
    void rendersEveryExchangeOrderStepFromTheOrdersAttributesInEveryLanguage(String stage, String locale) {
        var event = Changes.of("exchange_order")
                .reference("EX-7781")
                .to(stage, Status.PENDING)
                .attributes(ORDER_ATTRIBUTES)
                .build();
        var model = MessageModel.of(event, "Ana Souza", locale);

        var email = renderer.render("exchange_order/" + stage, EnumSet.allOf(TemplatePart.class), model, locale);
        var sms = renderer.render("exchange_order_sms/" + stage, EnumSet.of(TemplatePart.TEXT), model, locale);

        for (String part : List.of(email.subject(), email.text(), email.html(), sms.text())) {
            assertThat(part).isNotBlank().contains("EX-7781").doesNotContain("??", "null", "[[", "[(", "${", "th:");
        }
        String expected =
                switch (stage) {
                    case "awaiting_payment" -> "RF18 5390 0754 7034";
                    case "funds_received" -> "1000.00 PLN";
                    case "payout_pending" -> "DE89 3704 0044 0532 0130 00";
                    default -> "UTC";
                };
        assertThat(email.text()).contains(expected);
        assertThat(email.html()).contains(expected);
        assertThat(sms.text()).contains(expected).hasSizeLessThan(320);
    }

    @ParameterizedTest
    @MethodSource("everyLocale")
    void theRateChangeSaysTheOldAndNewRateTheAmountThatChangedAndTheReasonInEveryLanguage(String locale) {
        var event = Changes.of("exchange_order")
                .reference("EX-7781")
                .to("awaiting_payment", Status.PENDING)
                .attributes(ORDER_ATTRIBUTES.replace("4.3147", "4.3290").replace("1000.00 PLN", "1003.31 PLN"))
                .reason("Rate corrected to the 11:00 table")
                .edited("{\"pay\": \"1000.00 PLN\", \"rate\": \"4.3147\"}");
        var model = MessageModel.of(event, "Ana Souza", locale);

        var email = renderer.render("exchange_order/rate_changed", EnumSet.allOf(TemplatePart.class), model, locale);
        var sms = renderer.render("exchange_order_sms/rate_changed", EnumSet.of(TemplatePart.TEXT), model, locale);

        for (String part : List.of(email.subject(), email.text(), email.html(), sms.text())) {
            assertThat(part).isNotBlank().contains("EX-7781").doesNotContain("??", "null", "[[", "[(", "${", "th:");
        }
        for (String body : List.of(email.text(), email.html(), sms.text())) {
            assertThat(body)
                    .contains("4.3147", "4.3290", "1003.31 PLN", "231.76 EUR", "Rate corrected to the 11:00 table");
        }
        for (String body : List.of(email.text(), email.html())) {
            assertThat(body).contains("1000.00 PLN", "RF18 5390 0754 7034");
            assertThat(body.indexOf("231.76 EUR"))
                    .as("what the client receives did not change: no 'before' beside it")
                    .isEqualTo(body.lastIndexOf("231.76 EUR"));
        }
        assertThat(email.subject()).doesNotContain("\n");
        assertThat(email.html()).contains("lang=\"" + locale + "\"");
    }

    static List<String> everyLocale() {
        return TemplateFiles.LOCALES;
    }

    @Test
    void anEditExposesTheChangedKeysAndTheirPreviousValuesAndAStatusChangeNone() {
        var edit = Changes.of("exchange_order")
                .to("awaiting_payment", Status.PENDING)
                .attributes(ORDER_ATTRIBUTES)
                .edited("{\"deadline\": \"2026-11-23T10:20:30Z\", \"rate\": \"4.30\"}");

        var model = MessageModel.of(edit, "Ana", "en");

        @SuppressWarnings("unchecked")
        var previous = (java.util.Map<String, String>) model.get("previous");
        assertThat(previous)
                .containsEntry("rate", "4.30")
                .containsEntry("deadline", MessageModel.time(java.time.Instant.parse("2026-11-23T10:20:30Z"), "en"))
                .hasSize(2);
        @SuppressWarnings("unchecked")
        var event = (java.util.Map<String, Object>) model.get("event");
        assertThat(event).containsEntry("changed", "deadline, rate").containsEntry("toStage", "awaiting_payment");
        assertThat((java.util.Map<?, ?>) MessageModel.of(Changes.of("deposit").build(), "Ana", "en")
                        .get("previous"))
                .isEmpty();
    }

    @Test
    void theOrdersDeadlineIsWrittenAsTheLanguageWritesAMomentAndNestedAttributesAreLeftOut() {
        var event = Changes.of("exchange_order").attributes(ORDER_ATTRIBUTES).build();

        @SuppressWarnings("unchecked")
        var attributes = (java.util.Map<String, String>)
                MessageModel.of(event, "Ana", "pl").get("attributes");

        assertThat(attributes.get("deadline"))
                .isEqualTo(MessageModel.time(java.time.Instant.parse("2026-11-23T10:30:30Z"), "pl"));
        assertThat(attributes.get("pay")).isEqualTo("1000.00 PLN");
        assertThat(attributes).doesNotContainKey("quote");
    }

    @Test
    void writesEachLanguageInItsOwnWordsAndNumbers() {
        var event = Changes.of("deposit").reference("D-1").build();

        assertThat(render("deposit/completed", event, "en").subject()).isEqualTo("Your deposit D-1 has been credited");
        assertThat(render("deposit/completed", event, "pt-BR").subject()).isEqualTo("Seu depósito D-1 foi creditado");
        assertThat(render("deposit/completed", event, "nl").subject()).isEqualTo("Uw storting D-1 is bijgeschreven");
        assertThat(render("deposit/completed", event, "pl").subject()).isEqualTo("Wpłata D-1 została zaksięgowana");
        assertThat(render("deposit/completed", event, "en").text()).contains("1,234.50 EUR");
        assertThat(render("deposit/completed", event, "pt-BR").text()).contains("1.234,50 EUR");
        assertThat(render("deposit/completed", event, "nl").text()).contains("1.234,50 EUR");
        assertThat(render("deposit/completed", event, "pl").text()).contains("1\u00a0234,50 EUR");
    }

    @Test
    void fallsBackToEnglishForALanguageNotOffered() {
        var message = render("deposit/completed", Changes.of("deposit").build(), "de");

        assertThat(message.locale()).isEqualTo("en");
        assertThat(message.subject()).startsWith("Your deposit");
    }

    @Test
    void escapesHtmlInTheHtmlBodyButNotInPlainText() {
        var event = Changes.of("exchange_order")
                .reference("<script>alert(1)</script>")
                .to("cancelled", Status.REJECTED)
                .reason("\"quoted\" & <b>bold</b>")
                .build();

        var message = render("exchange_order/cancelled", event, "en");

        assertThat(message.html())
                .doesNotContain("<script>", "<b>bold</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;");
        assertThat(message.text()).contains("<script>alert(1)</script>").contains("Reason: \"quoted\" & <b>bold</b>");
    }

    @Test
    void leavesOutLinesWhoseValueIsAbsent() {
        var withoutReason = render(
                "exchange_order/cancelled",
                Changes.of("exchange_order")
                        .to("cancelled", Status.REJECTED)
                        .reason(null)
                        .build(),
                "nl");
        var withReason = render(
                "exchange_order/cancelled",
                Changes.of("exchange_order")
                        .to("cancelled", Status.REJECTED)
                        .reason("Te laat betaald")
                        .build(),
                "nl");

        assertThat(withoutReason.text()).doesNotContain("Reden");
        assertThat(withoutReason.html()).doesNotContain("Reden");
        assertThat(withReason.text()).contains("Reden: Te laat betaald");

        var noAmount = render(
                "team/operation_changed",
                Changes.of("deposit").to("failed", Status.ERROR).amount(null).build(),
                "pl");
        assertThat(noAmount.text()).doesNotContain("Kwota").contains("Klient: Ana Souza (client-42)");
    }

    @Test
    void rendersSmsTextOnly() {
        var event = Changes.of("withdrawal")
                .to("sent", Status.PENDING)
                .reference("W-9")
                .amount(new Money(new BigDecimal("0.00150000"), new CurrencyCode("BTC", 8)))
                .build();

        var message = renderer.render(
                "withdrawal/sent", EnumSet.of(TemplatePart.TEXT), MessageModel.of(event, "Jan", "pl"), "pl");

        assertThat(message.subject()).isNull();
        assertThat(message.html()).isNull();
        assertThat(message.text().strip())
                .isEqualTo("W-9: wypłata 0,00150000 BTC została wysłana i wkrótce trafi na Twoje konto.");
    }

    private RenderedMessage render(String template, org.opsdesk.operations.StatusChanged event, String locale) {
        return renderer.render(
                template,
                EnumSet.allOf(TemplatePart.class),
                MessageModel.of(event, "Ana Souza", MessageRenderer.offered(locale)),
                locale);
    }

    static {
        Locale.setDefault(Locale.US); // the rendering must not depend on the machine's locale
    }
}
