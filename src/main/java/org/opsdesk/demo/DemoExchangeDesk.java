package org.opsdesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.opsdesk.exchange.ExchangeDesk;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The exchange desk of the demo, on its first start: PLN, EUR, USD, GBP and CHF enabled with limits and payment
 * windows (15 minutes, a day for euros); rates around the cross rates of the bundled ECB reference rates (13 April 2026) with a spread per pair
 * and each of the three modes; and two office accounts per currency, at two banks, so orders pair by bank. Through
 * {@link ExchangeDesk}, with its checks and change logs, once (a desk already configured is left alone).
 */
@Component
@Order(20)
class DemoExchangeDesk implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoExchangeDesk.class);
    private static final String ECB_FILE = "/demo/ecb-eurofxref-daily-2026-04-13.csv";
    private static final Actor DEMO = Actor.system("demo");

    private record Pair(String base, String quote, int spreadBasisPoints, String mode) {}

    private record Bank(String name, String bic, String sortCode) {}

    private static final List<String> CURRENCIES = List.of("PLN", "EUR", "USD", "GBP", "CHF");
    private static final List<Pair> PAIRS = List.of(
            new Pair("EUR", "PLN", 150, "automatic"),
            new Pair("USD", "PLN", 150, "semi_automatic"),
            new Pair("GBP", "PLN", 200, "manual"),
            new Pair("CHF", "PLN", 200, "manual"),
            new Pair("EUR", "USD", 100, "manual"));
    /** mBank and PKO BP, with their real sort codes (bank, branch and national check digit). */
    private static final List<Bank> BANKS = List.of(
            new Bank("mBank S.A.", "BREXPLPWXXX", "11402004"), new Bank("PKO Bank Polski", "BPKOPLPWXXX", "10201026"));

    private final ExchangeDesk desk;
    private final Environment environment;

    DemoExchangeDesk(ExchangeDesk desk, Environment environment) {
        this.desk = desk;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(environment) || desk.configured()) {
            return;
        }
        for (String code : CURRENCIES) {
            boolean zloty = code.equals("PLN");
            desk.enableCurrency(code, zloty ? "100.00" : "20.00", zloty ? "200000.00" : "50000.00", window(code), DEMO);
        }
        byte[] ecb = ecbFile();
        for (Pair pair : PAIRS) {
            desk.setRateFromEcb(ecb, pair.base(), pair.quote(), pair.spreadBasisPoints(), 4, pair.mode(), DEMO);
        }
        int n = 0;
        for (String code : CURRENCIES) {
            for (Bank bank : BANKS) {
                n++;
                desk.addBankAccount(bank.name(), bank.bic(), polishIban(bank.sortCode(), n), code, "both", DEMO);
            }
        }
        LOG.info(
                "Demo exchange desk: {} currencies, {} pairs from the ECB rates of 13 April 2026, {} office accounts",
                CURRENCIES.size(),
                PAIRS.size(),
                n);
    }

    /**
     * Fifteen minutes to pay, as the office's clients are told; euros a day, since a SEPA transfer from another
     * bank may take that long (and the demo client's order awaiting payment in euros stays so on its first day).
     */
    private static String window(String currency) {
        return currency.equals("EUR") ? "P1D" : "PT15M";
    }

    private static byte[] ecbFile() {
        try (InputStream in = DemoExchangeDesk.class.getResourceAsStream(ECB_FILE)) {
            if (in == null) {
                throw new IllegalStateException("the demo's ECB file is missing: " + ECB_FILE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid Polish IBAN at the bank of {@code sortCode}: account {@code n} with the ISO 13616 check digits. */
    static String polishIban(String sortCode, int n) {
        String bban = sortCode + String.format("%016d", 7_000_000_000L + n);
        var digits = new StringBuilder();
        for (char c : (bban + "PL00").toCharArray()) {
            digits.append(Character.getNumericValue(c));
        }
        int check = 98
                - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format("PL%02d%s", check, bban);
    }
}
