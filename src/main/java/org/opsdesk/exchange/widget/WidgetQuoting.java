package org.opsdesk.exchange.widget;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.currencies.CurrencyBook;
import org.opsdesk.exchange.currencies.CurrencySettings;
import org.opsdesk.exchange.quotes.Quotes;
import org.opsdesk.exchange.quotes.Quotes.Offer;
import org.opsdesk.exchange.rates.PairRate;
import org.opsdesk.shared.InvalidInput;
import org.springframework.stereotype.Service;

/**
 * Prices the calculator's question exactly as the portal would quote it ({@link Quotes#price}: the pair's current
 * rate, {@code Pricing}'s rounding in the office's favour, the currencies' limits), storing and locking nothing.
 * What is typed is checked first, so that each refusal tells the visitor what to change, beside the field.
 */
@Service
class WidgetQuoting {

    /** A message of the widget's bundle with its arguments. */
    record Message(String key, Object... args) {}

    /** The price, or why there is none, by form field ({@code pair}, {@code side}, {@code amount}, {@code currency}). */
    record Answer(@Nullable Offer offer, Map<String, Message> errors) {}

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final int MAX_INTEGER_DIGITS = 15;

    private final Quotes quotes;
    private final CurrencyBook currencies;

    WidgetQuoting(Quotes quotes, CurrencyBook currencies) {
        this.quotes = quotes;
        this.currencies = currencies;
    }

    Answer price(WidgetForm form, List<PairRate> pairs) {
        var errors = new LinkedHashMap<String, Message>();
        tooLong(errors, "pair", form.pair());
        tooLong(errors, "side", form.side());
        tooLong(errors, "amount", form.amount());
        tooLong(errors, "currency", form.currency());
        if (!errors.isEmpty()) {
            return new Answer(null, errors);
        }
        Optional<PairRate> pair = pairs.stream()
                .filter(p -> p.base().equals(form.base()) && p.quote().equals(form.quote()))
                .findFirst();
        if (pair.isEmpty()) {
            errors.put("pair", new Message("widget.error.pair"));
        } else if (pair.get().stale()) {
            errors.put("pair", new Message("widget.error.paused", form.base() + "/" + form.quote()));
        }
        if (!"buy".equals(form.side()) && !"sell".equals(form.side())) {
            errors.put("side", new Message("widget.error.side"));
        }
        String currency = form.currencyCode();
        boolean ofThePair = currency.equals(form.base()) || currency.equals(form.quote());
        if (pair.isPresent() && !ofThePair) {
            errors.put("currency", new Message("widget.error.currency", form.base(), form.quote()));
        }
        Message amount = amountError(form.amountValue(), pair.isPresent() && ofThePair ? currency : null);
        if (amount != null) {
            errors.put("amount", amount);
        }
        if (!errors.isEmpty()) {
            return new Answer(null, errors);
        }
        try {
            return new Answer(
                    quotes.price(form.base(), form.quote(), form.side(), form.amountValue(), currency), Map.of());
        } catch (InvalidInput refused) {
            return new Answer(null, refusal(refused, form));
        }
    }

    private @Nullable Message amountError(String typed, @Nullable String currency) {
        if (typed.isEmpty()) {
            return new Message("widget.error.amount.required");
        }
        if (!NUMBER.matcher(typed).matches()) {
            return new Message("widget.error.amount.format");
        }
        var value = new BigDecimal(typed);
        if (value.signum() <= 0) {
            return new Message("widget.error.amount.positive");
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return new Message("widget.error.amount.tooLarge");
        }
        if (currency != null) {
            int digits = currencies.currency(currency).fractionDigits();
            if (value.scale() > digits) {
                return new Message("widget.error.amount.decimals", currency, digits);
            }
        }
        return null;
    }

    /** What the desk refused after the typed values passed: the pair (gone meanwhile) or the amount's limits. */
    private Map<String, Message> refusal(InvalidInput refused, WidgetForm form) {
        var errors = new LinkedHashMap<String, Message>();
        for (var error : refused.errors()) {
            switch (error.field()) {
                case "base", "quote" -> errors.putIfAbsent("pair", new Message("widget.error.pair"));
                case "amount.currency" ->
                    errors.putIfAbsent("currency", new Message("widget.error.currency", form.base(), form.quote()));
                case "amount.value" ->
                    errors.putIfAbsent(
                            "amount",
                            error.message().contains("minimum")
                                            || error.message().contains("maximum")
                                    ? new Message(
                                            "widget.error.amount.limits",
                                            limits(form.base()) + "; " + limits(form.quote()))
                                    : new Message("widget.error.amount.tooSmall"));
                default -> errors.putIfAbsent("form", new Message("widget.error.form"));
            }
        }
        return errors.isEmpty() ? Map.of("form", new Message("widget.error.form")) : errors;
    }

    private String limits(String code) {
        CurrencySettings settings = currencies.settings(code);
        String min = settings.minAmount() == null ? "0" : settings.minAmount().toPlainString();
        String max = settings.maxAmount() == null ? "∞" : settings.maxAmount().toPlainString();
        return code + " " + min + "–" + max;
    }

    private static void tooLong(Map<String, Message> errors, String field, @Nullable String value) {
        if (value != null && value.length() > WidgetForm.MAX_LENGTH) {
            errors.put(field, new Message("widget.error.tooLong"));
        }
    }
}
