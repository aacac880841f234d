package org.opsdesk.exchange.orders;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.operations.OperationFilter;
import org.opsdesk.operations.OperationPagePanel;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Iban;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The {@code exchange} panel {@code exchange} serves into the operation page of an {@code exchange_order}: pair,
 * side, rate (and the accepted one when it changed), both amounts, payment reference, the pay-in and payout
 * accounts, the deadline, the client with their KYC state; and, for {@code exchange:orders}, the rate change form
 * and the pending rate change a second person decides. Other types, and callers without {@code exchange:view},
 * get nothing.
 */
@Controller
@RequestMapping("/operations/{id}/panels/exchange")
class ExchangeOrderPanel {

    private static final String VIEW = "exchange/order-panel";

    private final Orders orders;
    private final OrderStore store;
    private final OperationQueries operations;
    private final MessageSource messages;

    ExchangeOrderPanel(Orders orders, OrderStore store, OperationQueries operations, MessageSource messages) {
        this.orders = orders;
        this.store = store;
        this.operations = operations;
        this.messages = messages;
    }

    @Bean
    static OperationPagePanel exchangePanel() {
        return new OperationPagePanel("exchange", OperationPagePanel.Placement.MAIN, 10);
    }

    @RequiresPermission("{type}:view")
    @GetMapping
    String panel(@PathVariable UUID id, Actor actor, Model model) {
        OperationSnapshot operation = operations.get(id, actor);
        if (!operation.type().equals(Orders.TYPE) || !actor.may(ExchangePermissions.VIEW)) {
            return VIEW + " :: nothing";
        }
        return panel(operation, actor, model, null, null);
    }

    @RequiresPermission(ExchangePermissions.ORDERS)
    @PostMapping("/rate")
    String changeRate(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String rate,
            @RequestParam(required = false) @Nullable String reason,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        return act(id, actor, model, request, () -> {
            var change = orders.changeRate(id, rate, reason, actor);
            return change.pendingRequest() == null
                    ? text(
                            "exchange.order.rateChanged",
                            change.order().order().rate().toPlainString())
                    : text("exchange.order.rateRequested", rate);
        });
    }

    @RequiresPermission(ExchangePermissions.ORDERS)
    @PostMapping("/rate-requests/{request}")
    String decide(
            @PathVariable UUID id,
            @PathVariable UUID request,
            @RequestParam String decision,
            Actor actor,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        return act(id, actor, model, http, () -> {
            boolean approve = "approve".equals(decision);
            orders.decideRateChange(request, approve, null, actor);
            return text(approve ? "exchange.order.rateApproved" : "exchange.order.rateDeclined");
        });
    }

    private String act(
            UUID id, Actor actor, Model model, HttpServletRequest request, java.util.function.Supplier<String> change) {
        OperationSnapshot operation = operations.get(id, actor);
        String notice = null;
        String error = null;
        try {
            notice = change.get();
        } catch (ProblemException refused) {
            if (!"true".equals(request.getHeader("HX-Request"))) {
                throw refused;
            }
            error = message(refused);
        }
        return panel(operations.get(operation.id(), actor), actor, model, notice, error);
    }

    private String panel(
            OperationSnapshot operation, Actor actor, Model model, @Nullable String notice, @Nullable String error) {
        Optional<ExchangeOrder> order = store.find(operation.id());
        if (order.isEmpty()) {
            return VIEW + " :: nothing";
        }
        model.addAttribute("operation", operation);
        ExchangeOrder o = order.get();
        model.addAttribute("order", o);
        model.addAttribute("payInPrinted", o.payInIban() != null ? new Iban(o.payInIban()).printed() : o.payInNumber());
        model.addAttribute(
                "payoutPrinted", o.payoutIban() != null ? new Iban(o.payoutIban()).printed() : o.payoutAccount());
        model.addAttribute(
                "deadlineText",
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                                .withLocale(locale())
                                .withZone(ZoneOffset.UTC)
                                .format(o.deadline())
                        + " UTC");
        model.addAttribute("pendingRate", store.pendingRequest(operation.id()).orElse(null));
        model.addAttribute("mayChange", actor.may(ExchangePermissions.ORDERS));
        model.addAttribute("me", actor.person());
        model.addAttribute("kyc", kycState(operation.subject(), actor));
        model.addAttribute("notice", notice);
        model.addAttribute("error", error);
        return VIEW + " :: panel";
    }

    /** The status of the client's latest KYC verification, if the caller may see those; null otherwise. */
    private @Nullable String kycState(String subject, Actor actor) {
        if (!actor.may(OperationPermissions.view("kyc_verification"))) {
            return null;
        }
        var filter = OperationFilter.ofSubject("kyc_verification", subject);
        var page = operations.list(filter, null, 1, actor);
        return page.items().isEmpty() ? "NONE" : page.items().get(0).status().name();
    }

    private String message(ProblemException problem) {
        if (problem instanceof InvalidInput invalid) {
            var fields = new StringJoiner(" ");
            invalid.errors()
                    .forEach(e -> fields.add(messages.getMessage(
                            "exchange.order.invalid." + e.field(), null, e.field() + ": " + e.message(), locale())));
            return fields.toString();
        }
        return messages.getMessage("exchange.order.error." + problem.slug(), null, problem.detail(), locale());
    }

    private String text(String key, @Nullable Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
