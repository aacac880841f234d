package org.opsdesk.exchange.portal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.orders.DeskTerms;
import org.opsdesk.exchange.orders.EpcPaymentCode;
import org.opsdesk.exchange.orders.ExchangeOrder;
import org.opsdesk.exchange.orders.OrderConflict;
import org.opsdesk.portal.PortalClient;
import org.opsdesk.portal.PortalClients;
import org.opsdesk.shared.Iban;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.QrCodes;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My orders": the signed-in client's orders, one order's transfer details (beneficiary, IBAN, bank, amount,
 * payment reference, a countdown to the deadline and, for euros, an EPC QR code) with the stages it went through,
 * and cancelling one still awaiting payment. Another client's order answers 404.
 */
@Controller
@RequiresPermission(RequiresPermission.ANYONE) // the portal chain requires a signed-in client; acts for them only
class MyOrdersController {

    private static final String EUR = "EUR";

    private final PortalClients clients;
    private final ClientOrders orders;
    private final DeskTerms desk;

    MyOrdersController(PortalClients clients, ClientOrders orders, DeskTerms desk) {
        this.clients = clients;
        this.orders = orders;
        this.desk = desk;
    }

    @GetMapping("/portal/orders")
    String list(Model model) {
        model.addAttribute("orders", orders.list(client()));
        return "portal/orders/list";
    }

    @GetMapping("/portal/orders/{id}")
    String order(@PathVariable String id, @RequestParam(required = false) @Nullable String notice, Model model) {
        var order = orders.get(id(id), client());
        model.addAttribute("view", order);
        model.addAttribute("order", order.order());
        model.addAttribute("beneficiary", desk.beneficiaryName());
        model.addAttribute("payInAccount", payInAccount(order.order()));
        model.addAttribute("qrCode", qrCode(order.order()));
        model.addAttribute("notice", notice == null ? null : notices(notice));
        return "portal/orders/order";
    }

    @PostMapping("/portal/orders/{id}/cancel")
    String cancel(@PathVariable String id) {
        UUID order = id(id);
        try {
            orders.cancel(order, client());
        } catch (OrderConflict paidMeanwhile) {
            return "redirect:/portal/orders/" + order + "?notice=notCancellable";
        }
        return "redirect:/portal/orders/" + order + "?notice=cancelled";
    }

    private String payInAccount(ExchangeOrder order) {
        return order.payInIban() == null ? String.valueOf(order.payInNumber()) : new Iban(order.payInIban()).printed();
    }

    /** The SEPA credit transfer to scan, for an order paid in euros into an IBAN; null otherwise. */
    private @Nullable String qrCode(ExchangeOrder order) {
        if (!order.pay().currency().code().equals(EUR) || order.payInIban() == null) {
            return null;
        }
        return QrCodes.svgDataUri(EpcPaymentCode.text(
                null, desk.beneficiaryName(), new Iban(order.payInIban()), order.pay(), order.paymentReference()));
    }

    private static @Nullable String notices(String notice) {
        return switch (notice) {
            case "placed", "cancelled", "notCancellable" -> "portal.orders.notice." + notice;
            default -> null;
        };
    }

    private PortalClient client() {
        return clients.signedIn().orElseThrow(() -> new NotFound("portal client", "signed in"));
    }

    private static UUID id(String typed) {
        try {
            return UUID.fromString(typed);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound("order", typed);
        }
    }
}
