package org.opsdesk.banking.balances;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.OfficeAccount;
import org.opsdesk.exchange.OfficeAccounts;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /exchange/balances}: every office account's balance as its latest statement says and, per currency, the
 * reserve (the enabled accounts' sum, which {@code rates.xml} publishes); per account, the balance with the movements
 * booked since its latest statement, a chart of the balance over time, the statements timeline with its gaps and
 * the entries, newest first.
 */
@Controller
@RequestMapping(BalancePages.PATH)
class BalancePages {

    static final String PATH = "/exchange/balances";
    static final int STATEMENTS_SHOWN = 100;
    static final int ENTRIES_SHOWN = 50;
    static final int SINCE_SHOWN = 200;

    private final AccountBalances balances;
    private final OfficeAccounts accounts;

    BalancePages(AccountBalances balances, OfficeAccounts accounts) {
        this.balances = balances;
        this.accounts = accounts;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    ModelAndView all() {
        List<OfficeAccount> all = accounts.all();
        Map<String, BigDecimal> reserve = new TreeMap<>();
        all.stream()
                .filter(a -> a.active() && a.balance() != null)
                .forEach(a -> reserve.merge(a.currency(), a.balance(), BigDecimal::add));
        return new ModelAndView("banking/balances").addObject("accounts", all).addObject("reserve", reserve);
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/{id}")
    ModelAndView account(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor) {
        OfficeAccount account = balances.account(id);
        List<StatementLine> timeline = balances.statements(id, null, STATEMENTS_SHOWN);
        StatementLine latest = timeline.stream()
                .filter(s -> s.closingBalance() != null && s.to() != null)
                .findFirst()
                .orElse(null);
        List<EntryLine> since = latest == null ? List.of() : balances.entriesAfter(id, latest.to(), SINCE_SHOWN);
        List<EntryLine> entries = balances.entries(id, Keys.EntryKey.read(cursor), ENTRIES_SHOWN + 1);
        return new ModelAndView("banking/balance")
                .addObject("account", account)
                .addObject("latest", latest)
                .addObject("since", since)
                .addObject("projected", latest == null ? null : projected(latest.closingBalance(), since))
                .addObject("chart", BalanceChart.of(timeline))
                .addObject("timeline", timeline)
                .addObject("entries", entries.stream().limit(ENTRIES_SHOWN).toList())
                .addObject(
                        "next",
                        entries.size() > ENTRIES_SHOWN ? Keys.EntryKey.after(entries.get(ENTRIES_SHOWN - 1)) : null);
    }

    private static BigDecimal projected(BigDecimal balance, List<EntryLine> since) {
        return since.stream().map(EntryLine::signedAmount).reduce(balance, BigDecimal::add);
    }
}
