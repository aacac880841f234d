package org.opsdesk.banking.payfiles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.payfiles.PayoutFileError.Reason;

/**
 * Decides whether a {@link PayoutBatch} can go to a bank, reporting every problem at once as typed field errors,
 * and gives the batch as the files will carry it. The limits are SEPA's (EPC implementation guidelines) where they
 * are stricter than ISO 20022's: names of 70 characters, remittance of 140, the basic Latin character set.
 */
public final class PayoutBatchCheck {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern PURPOSE = Pattern.compile("[A-Z]{4}");
    private static final Pattern CLEARING_SYSTEM = Pattern.compile("[A-Z]{2,5}");
    private static final Pattern DOMESTIC_ID = Pattern.compile("[A-Za-z0-9]{1,34}");
    // ISO 20022 amounts and CtrlSum have at most 18 digits in all.
    private static final int MAX_DIGITS = 18;

    private PayoutBatchCheck() {}

    /**
     * The batch as the files carry it.
     *
     * @throws InvalidPayoutBatch with every problem found
     */
    public static CheckedPayoutBatch check(PayoutBatch batch) {
        var checks = new FieldChecks();
        String messageId = checks.identifier("messageId", batch.messageId());
        PayoutDebtor debtor = debtor(checks, batch.debtor());
        boolean knownCurrency = currency(checks, batch.currency().code());
        if (batch.requestedExecutionDate().isBefore(LocalDate.ofInstant(batch.createdAt(), ZoneOffset.UTC))) {
            checks.problem("requestedExecutionDate", Reason.PAST_DATE, "is before the day the file is created (UTC)");
        }
        if (batch.items().isEmpty()) {
            checks.problem("items", Reason.EMPTY_BATCH, "a payout file needs at least one item");
        }
        var items = new ArrayList<PayoutItem>();
        Set<String> endToEndIds = new HashSet<>();
        for (int i = 0; i < batch.items().size(); i++) {
            PayoutItem item = new ItemCheck(checks, "items[" + i + "].", batch.currency())
                    .check(batch.items().get(i), endToEndIds);
            if (item != null) {
                items.add(item);
            }
        }
        BigDecimal controlSum = items.stream().map(PayoutItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (controlSum.precision() > MAX_DIGITS) {
            checks.problem("items", Reason.TOO_LARGE, "the total has more than " + MAX_DIGITS + " digits");
        }
        if (!checks.problems().isEmpty() || messageId == null || debtor == null || !knownCurrency) {
            throw new InvalidPayoutBatch(checks.problems());
        }
        var checked = new PayoutBatch(
                messageId, batch.createdAt(), debtor, batch.requestedExecutionDate(), batch.currency(), items);
        return new CheckedPayoutBatch(checked, controlSum, sepa(checked));
    }

    private static @Nullable PayoutDebtor debtor(FieldChecks checks, PayoutDebtor debtor) {
        String name = checks.text("debtor.name", debtor.name(), 70, true);
        String iban = checks.iban("debtor.iban", debtor.iban());
        String bic = checks.bic("debtor.bic", debtor.bic());
        PostalAddress address = debtor.address() == null ? null : address(checks, "debtor.address.", debtor.address());
        if (name == null || iban == null || (debtor.address() != null && address == null)) {
            return null;
        }
        return new PayoutDebtor(name, iban, bic, address);
    }

    private static @Nullable PostalAddress address(FieldChecks checks, String prefix, PostalAddress address) {
        int before = checks.problems().size();
        String country =
                checks.code(prefix + "country", address.country(), COUNTRY, "an ISO 3166 code of two capitals", true);
        var checked = new PostalAddress(
                Objects.requireNonNullElse(country, ""),
                checks.text(prefix + "townName", address.townName(), 35, false),
                checks.text(prefix + "postCode", address.postCode(), 16, false),
                checks.text(prefix + "streetName", address.streetName(), 70, false),
                checks.text(prefix + "buildingNumber", address.buildingNumber(), 16, false));
        return checks.problems().size() == before ? checked : null;
    }

    private static boolean currency(FieldChecks checks, String code) {
        if (checks.code("currency", code, CURRENCY, "an ISO 4217 code of three capitals", true) == null) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            checks.problem("currency", Reason.INVALID_CODE, "'" + code + "' is not an ISO 4217 currency");
            return false;
        }
    }

    private static boolean sepa(PayoutBatch batch) {
        return batch.currency().code().equals("EUR")
                && SepaArea.includes(batch.debtor().iban().substring(0, 2))
                && batch.items().stream()
                        .allMatch(item -> item.creditorAccount() instanceof CreditorAccount.ByIban byIban
                                && SepaArea.includes(byIban.iban().substring(0, 2)));
    }

    /** The checks of one item, its fields named under {@code prefix}. */
    private record ItemCheck(FieldChecks checks, String prefix, org.opsdesk.shared.CurrencyCode currency) {

        @Nullable
        PayoutItem check(PayoutItem item, Set<String> endToEndIds) {
            int before = checks.problems().size();
            String endToEndId = checks.identifier(prefix + "endToEndId", item.endToEndId());
            if (endToEndId != null && !endToEndIds.add(endToEndId)) {
                checks.problem(
                        prefix + "endToEndId", Reason.DUPLICATE, "'" + endToEndId + "' is used by an earlier item");
            }
            String name = checks.text(prefix + "creditorName", item.creditorName(), 70, true);
            String bic = checks.bic(prefix + "creditorBic", item.creditorBic());
            CreditorAccount account = account(item.creditorAccount(), bic != null);
            BigDecimal amount = amount(item.amount());
            String remittance = checks.text(prefix + "remittance", item.remittance(), 140, true);
            String purpose = checks.code(
                    prefix + "purpose", item.purpose(), PURPOSE, "an ISO 20022 purpose code of four capitals", false);
            PostalAddress address = item.creditorAddress() == null
                    ? null
                    : address(checks, prefix + "creditorAddress.", item.creditorAddress());
            if (checks.problems().size() != before) {
                return null;
            }
            return new PayoutItem(endToEndId, name, account, bic, amount, remittance, purpose, address);
        }

        private @Nullable CreditorAccount account(CreditorAccount account, boolean hasBic) {
            String field = prefix + "creditorAccount.";
            if (account instanceof CreditorAccount.Domestic domestic) {
                return domestic(field, domestic, hasBic);
            }
            String iban = checks.iban(field + "iban", ((CreditorAccount.ByIban) account).iban());
            return iban == null ? null : new CreditorAccount.ByIban(iban);
        }

        private @Nullable CreditorAccount domestic(String field, CreditorAccount.Domestic domestic, boolean hasBic) {
            String number = checks.code(
                    field + "accountNumber",
                    domestic.accountNumber().replace(" ", "").replace("-", ""),
                    DOMESTIC_ID,
                    "1 to 34 letters and digits",
                    true);
            String system = checks.code(
                    field + "clearingSystem",
                    domestic.clearingSystem(),
                    CLEARING_SYSTEM,
                    "an ISO 20022 clearing system code such as USABA or GBDSC",
                    false);
            String member = checks.code(
                    field + "clearingMemberId",
                    domestic.clearingMemberId(),
                    DOMESTIC_ID,
                    "1 to 34 letters and digits",
                    false);
            if ((system == null) != (member == null)) {
                checks.problem(
                        field + (system == null ? "clearingSystem" : "clearingMemberId"),
                        Reason.REQUIRED,
                        "the clearing system and the member id go together");
                return null;
            }
            if (system == null && !hasBic) {
                checks.problem(
                        field + "clearingMemberId",
                        Reason.BANK_UNKNOWN,
                        "an account number needs its bank: a clearing code or the creditor's BIC");
                return null;
            }
            return number == null ? null : new CreditorAccount.Domestic(number, system, member);
        }

        private @Nullable BigDecimal amount(BigDecimal amount) {
            String field = prefix + "amount";
            if (amount.signum() <= 0) {
                checks.problem(field, Reason.NOT_POSITIVE, "must be greater than zero");
                return null;
            }
            int digits = currency.fractionDigits();
            if (amount.stripTrailingZeros().scale() > digits) {
                checks.problem(field, Reason.SCALE, currency.code() + " amounts have at most " + digits + " decimals");
                return null;
            }
            BigDecimal scaled = amount.setScale(digits, RoundingMode.UNNECESSARY);
            if (scaled.precision() > MAX_DIGITS) {
                checks.problem(field, Reason.TOO_LARGE, "has more than " + MAX_DIGITS + " digits");
                return null;
            }
            return scaled;
        }
    }
}
