package org.opsdesk.banking.payfiles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.payfiles.PayoutFileError.Reason;
import org.opsdesk.shared.CurrencyCode;

/** The checks of one item of a batch, its fields named under {@code prefix} ({@code items[3].}). */
record PayoutItemCheck(FieldChecks checks, String prefix, CurrencyCode currency) {

    private static final Pattern PURPOSE = Pattern.compile("[A-Z]{4}");
    private static final Pattern CLEARING_SYSTEM = Pattern.compile("[A-Z]{2,5}");
    private static final Pattern DOMESTIC_ID = Pattern.compile("[A-Za-z0-9]{1,34}");

    /** The item as the files carry it, or null when a problem was noted; {@code endToEndIds} collects the ids seen. */
    @Nullable
    PayoutItem check(PayoutItem item, Set<String> endToEndIds) {
        int before = checks.problems().size();
        String endToEndId = checks.identifier(prefix + "endToEndId", item.endToEndId());
        if (endToEndId != null && !endToEndIds.add(endToEndId)) {
            checks.problem(prefix + "endToEndId", Reason.DUPLICATE, "'" + endToEndId + "' is used by an earlier item");
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
                : checks.address(prefix + "creditorAddress.", item.creditorAddress());
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
        if (scaled.precision() > PayoutBatchCheck.MAX_DIGITS) {
            checks.problem(field, Reason.TOO_LARGE, "has more than " + PayoutBatchCheck.MAX_DIGITS + " digits");
            return null;
        }
        return scaled;
    }
}
