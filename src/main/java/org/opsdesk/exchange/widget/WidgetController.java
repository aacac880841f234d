package org.opsdesk.exchange.widget;

import java.util.Comparator;
import java.util.List;
import org.opsdesk.exchange.rates.PairRate;
import org.opsdesk.exchange.rates.Quotability;
import org.opsdesk.exchange.rates.RateBook;
import org.opsdesk.portal.PortalLook;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The rates widget an office embeds in its website ({@code <iframe src="…/widget">}): the buy and sell rates of the
 * pairs the desk works with (a stale pair says that quotes are paused), and a calculator that prices an amount in
 * either currency exactly as the portal would quote it, without locking or storing anything. The calculator posts
 * nothing: {@value #QUOTE} answers its htmx request with the calculator again; without script the form asks for
 * the whole page. Ordering needs a signed-in client, so "Order" opens the portal in a new browsing context. The
 * office's name, logo and colours are the portal's ({@link PortalLook}).
 */
@Controller
@RequiresPermission(RequiresPermission.ANYONE) // published on purpose: the office's website shows it to anyone
class WidgetController {

    static final String PAGE = "/widget";
    static final String QUOTE = "/widget/quote";
    static final String PORTAL_EXCHANGE = "/portal/exchange";

    private final RateBook rates;
    private final WidgetQuoting quoting;
    private final PortalLook look;

    WidgetController(RateBook rates, WidgetQuoting quoting, PortalLook look) {
        this.rates = rates;
        this.quoting = quoting;
        this.look = look;
    }

    @GetMapping(PAGE)
    String page(WidgetForm form, Model model) {
        calculator(form, model);
        model.addAttribute("office", look);
        model.addAttribute("stylesheets", List.of(PortalLook.STYLESHEET, PortalLook.THEME, "/css/widget.css"));
        return "exchange/widget";
    }

    @GetMapping(QUOTE)
    String quote(WidgetForm form, Model model) {
        calculator(form, model);
        return "exchange/widget :: calculator";
    }

    private void calculator(WidgetForm form, Model model) {
        List<PairRate> pairs = rates.all().stream()
                .filter(pair -> pair.quotability() != Quotability.CURRENCY_DISABLED)
                .sorted(Comparator.comparing(PairRate::base).thenComparing(PairRate::quote))
                .toList();
        model.addAttribute("pairs", pairs);
        model.addAttribute("currencies", PairRate.currenciesOf(pairs));
        model.addAttribute("form", form);
        model.addAttribute("answer", form.asked() ? quoting.price(form, pairs) : null);
        model.addAttribute("orderUrl", PORTAL_EXCHANGE);
    }
}
