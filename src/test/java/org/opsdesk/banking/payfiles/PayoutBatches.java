package org.opsdesk.banking.payfiles;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.opsdesk.shared.CurrencyCode;

/** Test data builder for payout batches: a valid EUR SEPA batch unless told otherwise. */
final class PayoutBatches {

    // Valid IBANs (iban4j check digits) of banks in SEPA and outside it.
    static final String OFFICE_IBAN = "PL61109010140000071219812874";
    static final String DE_IBAN = "DE89370400440532013000";
    static final String NL_IBAN = "NL91ABNA0417164300";
    static final String FR_IBAN = "FR1420041010050500013M02606";
    static final String HU_IBAN = "HU42117730161111101800000000";

    private String messageId = "PAYOUT-2026-0001";
    private Instant createdAt = Instant.parse("2026-12-07T10:15:30.123Z");
    private PayoutDebtor debtor = new PayoutDebtor("Kantor Opsdesk Sp. z o.o.", OFFICE_IBAN, "BPKOPLPW", null);
    private LocalDate date = LocalDate.parse("2026-12-08");
    private CurrencyCode currency = new CurrencyCode("EUR", 2);
    private final List<PayoutItem> items = new ArrayList<>();

    static PayoutBatches eur() {
        return new PayoutBatches();
    }

    static PayoutBatches in(String code, int digits) {
        var batch = new PayoutBatches();
        batch.currency = new CurrencyCode(code, digits);
        return batch;
    }

    /** A valid item to a German IBAN, numbered {@code n} (end-to-end id {@code ORDER-n}). */
    static PayoutItem item(int n, String amount) {
        return new PayoutItem(
                "ORDER-" + n,
                "Creditor " + n,
                new CreditorAccount.ByIban(DE_IBAN),
                "COBADEFFXXX",
                new BigDecimal(amount),
                "Opsdesk order ORDER-" + n,
                null,
                null);
    }

    /** The shapes a payout file takes, named for test reports. */
    static Stream<Named<PayoutBatch>> shapes() {
        return Stream.of(
                Named.of("one EUR item", eur().items(1).build()),
                Named.of("250 EUR items", eur().items(250).build()),
                Named.of("JPY (no decimals) to domestic accounts", jpy()),
                Named.of("USD by ABA routing number to an address, without the office's BIC", usd()),
                Named.of("HUF to a Hungarian IBAN, with the office's address and a purpose", huf()),
                Named.of("names, texts and ids at their longest", longest()),
                Named.of("diacritics transliterated", diacritics()));
    }

    static PayoutBatch jpy() {
        return in("JPY", 0)
                .item(new PayoutItem(
                        "ORDER-JP-1",
                        "Yamada Taro",
                        new CreditorAccount.Domestic("1234567", "JPZGN", "0005001"),
                        null,
                        new BigDecimal("150000"),
                        "Opsdesk order ORDER-JP-1",
                        null,
                        null))
                .item(new PayoutItem(
                        "ORDER-JP-2",
                        "Suzuki Hanako",
                        new CreditorAccount.Domestic("7654321", null, null),
                        "MHCBJPJT",
                        new BigDecimal("98765.0"),
                        "Opsdesk order ORDER-JP-2",
                        null,
                        null))
                .build();
    }

    static PayoutBatch usd() {
        return in("USD", 2)
                .debtor("Kantor Opsdesk Sp. z o.o.", OFFICE_IBAN, null, null)
                .item(new PayoutItem(
                        "ORDER-US-1",
                        "Acme Trading LLC",
                        new CreditorAccount.Domestic("000123456789", "USABA", "021000021"),
                        null,
                        new BigDecimal("1250.5"),
                        "Invoice 2026/12/07 (refund)",
                        null,
                        new PostalAddress("US", "New York", "10118", "Fifth Avenue", "350")))
                .build();
    }

    static PayoutBatch huf() {
        return in("HUF", 2)
                .debtor(
                        "Kantor Opsdesk Sp. z o.o.",
                        OFFICE_IBAN,
                        "BPKOPLPWXXX",
                        new PostalAddress("PL", "Warszawa", "00-950", "Marszałkowska", "1"))
                .item(new PayoutItem(
                        "ORDER-HU-1",
                        "Kovács Anna",
                        new CreditorAccount.ByIban("HU42 1177 3016 1111 1018 0000 0000"),
                        "OTPVHUHB",
                        new BigDecimal("123456.78"),
                        "Opsdesk order ORDER-HU-1",
                        "SALA",
                        null))
                .build();
    }

    static PayoutBatch longest() {
        String id = "E2E-" + "9".repeat(31);
        return eur().messageId("M".repeat(35))
                .debtor("O".repeat(70), OFFICE_IBAN, "BPKOPLPW", null)
                .item(new PayoutItem(
                        id,
                        "N".repeat(70),
                        new CreditorAccount.ByIban(FR_IBAN),
                        null,
                        new BigDecimal("9999999999999.99"),
                        "R".repeat(140),
                        null,
                        null))
                .build();
    }

    static PayoutBatch diacritics() {
        return eur().item(new PayoutItem(
                        "ORDER-PL-1",
                        "Zażółć Gęślą Jaźń",
                        new CreditorAccount.ByIban(NL_IBAN),
                        null,
                        new BigDecimal("10.00"),
                        "Zapłata za zamówienie ORDER-PL-1",
                        null,
                        null))
                .item(new PayoutItem(
                        "ORDER-DE-2",
                        "Jürgen Weiß-Ørsted",
                        new CreditorAccount.ByIban(DE_IBAN),
                        null,
                        new BigDecimal("0.01"),
                        "Straße 7, François Lefèvre",
                        null,
                        null))
                .build();
    }

    /** A valid item (the same as {@code item(1, "10.00")}) to change one field of. */
    static ItemBuilder anItem() {
        return new ItemBuilder();
    }

    PayoutBatches messageId(String id) {
        this.messageId = id;
        return this;
    }

    PayoutBatches createdAt(Instant at) {
        this.createdAt = at;
        return this;
    }

    PayoutBatches debtor(String name, String iban, @Nullable String bic, @Nullable PostalAddress address) {
        this.debtor = new PayoutDebtor(name, iban, bic, address);
        return this;
    }

    PayoutBatches date(LocalDate date) {
        this.date = date;
        return this;
    }

    PayoutBatches item(PayoutItem item) {
        items.add(item);
        return this;
    }

    PayoutBatches items(int count) {
        for (int i = 1; i <= count; i++) {
            items.add(item(i, i + "." + String.format("%02d", i % 100)));
        }
        return this;
    }

    PayoutBatch build() {
        return new PayoutBatch(messageId, createdAt, debtor, date, currency, items);
    }

    /** Builds one item, valid unless a field is changed. */
    static final class ItemBuilder {
        private String endToEndId = "ORDER-1";
        private String name = "Creditor 1";
        private CreditorAccount account = new CreditorAccount.ByIban(DE_IBAN);
        private @Nullable String bic = "COBADEFFXXX";
        private String amount = "10.00";
        private String remittance = "Opsdesk order ORDER-1";
        private @Nullable String purpose;
        private @Nullable PostalAddress address;

        ItemBuilder endToEndId(String id) {
            this.endToEndId = id;
            return this;
        }

        ItemBuilder name(String name) {
            this.name = name;
            return this;
        }

        ItemBuilder account(CreditorAccount account) {
            this.account = account;
            return this;
        }

        ItemBuilder bic(@Nullable String bic) {
            this.bic = bic;
            return this;
        }

        ItemBuilder amount(String amount) {
            this.amount = amount;
            return this;
        }

        ItemBuilder remittance(String text) {
            this.remittance = text;
            return this;
        }

        ItemBuilder purpose(@Nullable String purpose) {
            this.purpose = purpose;
            return this;
        }

        ItemBuilder address(@Nullable PostalAddress address) {
            this.address = address;
            return this;
        }

        PayoutItem build() {
            return new PayoutItem(endToEndId, name, account, bic, new BigDecimal(amount), remittance, purpose, address);
        }
    }
}
