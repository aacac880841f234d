package org.opsdesk.exchange.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException.FieldError;

/** What a new account must be, field by field, and the reasons the console translates. */
class BankAccountDraftTests {

    private final Currencies currencies = new Currencies(Map.of("USDT", 6));

    @Test
    void normalisesAnIbanAndABicAsTyped() {
        var valid = new BankAccountDraft(
                        "  mBank   S.A. ",
                        "brex plpw xxx",
                        "pl27 1140-2004 0000 3002 0135 5387",
                        null,
                        "PLN",
                        "incoming")
                .validate(currencies);

        assertThat(valid.bankName()).isEqualTo("mBank S.A.");
        assertThat(valid.bic()).isEqualTo("BREXPLPWXXX");
        assertThat(valid.iban().value()).isEqualTo("PL27114020040000300201355387");
        assertThat(valid.accountNumber()).isNull();
        assertThat(valid.purpose()).isEqualTo(Purpose.INCOMING);
        assertThat(valid.numberField()).isEqualTo("iban");
    }

    @Test
    void normalisesADomesticNumberThatNeedsItsBanksBic() {
        var number = new BankAccountDraft("Chase", "CHASUS33", null, "0210-0002 1 123456789", "USD", "payout")
                .validate(currencies);
        assertThat(number.accountNumber().value()).isEqualTo("021000021123456789");
        assertThat(number.accountNumber().printed()).isEqualTo("0210 0002 1123 4567 89");
        var american = new BankAccountDraft("SVB", "SVBKUS6S", null, "US64 SVBK US6S 3300 9588 79", "USD", "both")
                .validate(currencies);
        assertThat(american.accountNumber().value())
                .as("letters first, but of a country without IBANs")
                .isEqualTo("US64SVBKUS6S3300958879");
        assertThat(new BankAccountDraft("Ledger", null, null, null, "USDT", "both"))
                .satisfies(d -> assertThatThrownBy(() -> d.validate(currencies)).isInstanceOf(InvalidInput.class));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // field | iban | accountNumber | bic | bankName | currency | purpose | reason
                "iban|PL27114020040000300201355388||BREXPLPW|mBank|PLN|both|IBAN_CHECK_DIGITS",
                "iban|PL2711402004000030020135538||BREXPLPW|mBank|PLN|both|IBAN_FORMAT",
                "iban|XX27114020040000300201355387||BREXPLPW|mBank|PLN|both|IBAN_FORMAT",
                "iban|US64SVBKUS6S3300958879||SVBKUS6S|SVB|USD|both|IBAN_COUNTRY",
                "iban|DE89 3704 0044 0532 0130 01|||Commerzbank|EUR|both|IBAN_CHECK_DIGITS",
                "iban|GB29 NWBK 6016 1331 9268 1|||NatWest|GBP|both|IBAN_FORMAT",
                "iban|PL27114020040000300201355387|1234567890|BREXPLPW|mBank|PLN|both|ONE_NUMBER",
                "iban||||mBank|PLN|both|NO_NUMBER",
                "bic|PL27114020040000300201355387||BREX|mBank|PLN|both|BIC",
                "bic|PL27114020040000300201355387||BREXXXPW|mBank|PLN|both|BIC",
                "bic||1234567890||Chase|USD|both|BIC_NEEDED",
                "accountNumber||12#4567890|CHASUS33|Chase|USD|both|ACCOUNT_NUMBER_CHARACTERS",
                "accountNumber||1234|CHASUS33|Chase|USD|both|ACCOUNT_NUMBER_LENGTH",
                "accountNumber||12345678901234567890123456789012345|CHASUS33|Chase|USD|both|ACCOUNT_NUMBER_LENGTH",
                "accountNumber||PL27114020040000300201355387|BREXPLPW|mBank|PLN|both|ACCOUNT_NUMBER_IS_IBAN",
                "accountNumber||PL27 1140 2004 0000 3002 0135 5388|BREXPLPW|mBank|PLN|both|ACCOUNT_NUMBER_LOOKS_LIKE_IBAN",
                "accountNumber||DE89 3704 0044 0532 0130|COBADEFF|Commerzbank|EUR|both|ACCOUNT_NUMBER_LOOKS_LIKE_IBAN",
                "bankName|PL27114020040000300201355387||||PLN|both|REQUIRED",
                "bankName|PL27114020040000300201355387|||<script>alert(1)</script>|PLN|both|BANK_NAME_CHARACTERS",
                "bankName|PL27114020040000300201355387|||mBank; DROP TABLE|PLN|both|BANK_NAME_CHARACTERS",
                "currency|PL27114020040000300201355387|||mBank|ABC|both|CURRENCY_UNKNOWN",
                "currency|PL27114020040000300201355387|||mBank|pln|both|CURRENCY_UNKNOWN",
                "currency|PL27114020040000300201355387|||mBank||both|REQUIRED",
                "purpose|PL27114020040000300201355387|||mBank|PLN|outgoing|PURPOSE",
                "purpose|PL27114020040000300201355387|||mBank|PLN||PURPOSE",
            })
    void refusesAFieldWithItsReason(
            String field,
            String iban,
            String accountNumber,
            String bic,
            String bankName,
            String currency,
            String purpose,
            FieldReason reason) {
        var draft = new BankAccountDraft(bankName, bic, iban, accountNumber, currency, purpose);

        assertThatThrownBy(() -> draft.validate(currencies))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).anySatisfy(error -> {
                    assertThat(error.field()).isEqualTo(field);
                    assertThat(FieldReason.of(error)).isEqualTo(reason);
                }));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        var draft = new BankAccountDraft("", "nope", "PL00", null, "XXX", "sometimes");

        assertThatThrownBy(() -> draft.validate(currencies))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors())
                        .extracting(FieldError::field)
                        .containsExactly("bankName", "bic", "iban", "currency", "purpose"));
    }

    @Test
    void acceptsBankNamesInAnyScriptWithTheirUsualPunctuation() {
        assertThat(BankAccountDraft.bankName("Bank Pekao S.A. (Oddział 1/2)"))
                .isEqualTo("Bank Pekao S.A. (Oddział 1/2)");
        assertThat(BankAccountDraft.bankName("Itaú Unibanco")).isEqualTo("Itaú Unibanco");
        assertThat(BankAccountDraft.bankName("ING Bank Śląski")).isEqualTo("ING Bank Śląski");
        assertThat(BankAccountDraft.bankName("Coöperatieve Rabobank U.A.")).isNotBlank();
        assertThat(BankAccountDraft.bankName("Crédit Agricole & Co'")).isNotBlank();
        assertThatThrownBy(() -> BankAccountDraft.bankName("x".repeat(101))).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> BankAccountDraft.bankName("Bank\u0000Name")).hasMessageContaining("letters");
        assertThatThrownBy(() -> BankAccountDraft.bankName("Bank\u202EName")).hasMessageContaining("letters");
        assertThat(BankAccountDraft.bankName("Bank\t\nName")).isEqualTo("Bank Name");
    }
}
