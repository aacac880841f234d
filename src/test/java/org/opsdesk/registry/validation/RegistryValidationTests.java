package org.opsdesk.registry.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.support.BrazilianNumbers;

/** The registry's field checks: each bad input refused with its field and a reason a person can act on. */
class RegistryValidationTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @ParameterizedTest(name = "Pix {0} key ''{1}'' is refused: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "cpf|529.982.247-24|check digits",
                "cpf|5299822472|11 digits",
                "cpf|111.111.111-11|check digits",
                "cpf|abcdefghijk|11 digits",
                "cnpj|11.222.333/0001-80|check digits",
                "cnpj|11222333000|14 characters",
                "cnpj|00000000000000|check digits",
                "email|ana@|not an email",
                "email|@example.com|not an email",
                "email|ana@example|not an email",
                "email|ana example@example.com|not an email",
                "email|ana..silva@example.com|not an email",
                "email|.ana@example.com|not an email",
                "email|ana@-example.com|not an email",
                "email|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com|not an email",
                "email|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@bbbbbbbbbbbbbbbbbbbb.com|77",
                "phone|11987654321|international form",
                "phone|+1 415 555 2671|Brazilian mobile",
                "phone|+551187654321|Brazilian mobile",
                "phone|+5501987654321|Brazilian mobile",
                "phone|+55119876543210|Brazilian mobile",
                "phone|+55 11 8765-4321|Brazilian mobile",
                "phone|+0551198765432|international form",
                "random|not-a-uuid|version 4 UUID",
                "random|3f6c2a9e-8b1d-1c7a-9e2f-5a4b3c2d1e0f|version 4 UUID",
                "random|3f6c2a9e-8b1d-4c7a-7e2f-5a4b3c2d1e0f|version 4 UUID",
                "random|3f6c2a9e8b1d4c7a9e2f5a4b3c2d1e0f|version 4 UUID",
                "random|3f6c2a9e-8b1d-4c7a-9e2f-5a4b3c2d1e0|version 4 UUID",
            })
    void refusesAMalformedPixKey(String type, String key, String reason) {
        var error = refusal(() -> PixKeys.parse("keyType", type, "key", key));
        assertThat(error.field()).isEqualTo("key");
        assertThat(error.message()).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CPF", "evp", "iban", "phone "})
    void refusesAnUnknownPixKeyTypeOnItsField(String type) {
        var error = refusal(() -> PixKeys.parse("keyType", type, "key", "whatever"));
        assertThat(error.field()).isEqualTo("keyType");
        assertThat(error.message()).contains("cpf, cnpj, email, phone, random");
    }

    @Test
    void refusesABlankPixKey() {
        assertThat(refusal(() -> PixKeys.parse("keyType", "email", "key", "  ")).message())
                .isEqualTo("is required");
    }

    @Test
    void normalisesPixKeysAsTheDirectoryWritesThem() {
        String cpf = BrazilianNumbers.cpf();
        String printedCpf =
                cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-" + cpf.substring(9);
        assertThat(PixKeys.parse("t", "cpf", "k", printedCpf)).isEqualTo(cpf);
        assertThat(PixKeys.parse("t", "cnpj", "k", "11.222.333/0001-81")).isEqualTo("11222333000181");
        assertThat(PixKeys.parse("t", "email", "k", " Ana.Silva@Example.COM ")).isEqualTo("ana.silva@example.com");
        assertThat(PixKeys.parse("t", "phone", "k", "+55 (11) 98765-4321")).isEqualTo("+5511987654321");
        assertThat(PixKeys.parse("t", "random", "k", "3F6C2A9E-8B1D-4C7A-9E2F-5A4B3C2D1E0F"))
                .isEqualTo("3f6c2a9e-8b1d-4c7a-9e2f-5a4b3c2d1e0f");
    }

    @RepeatedTest(20)
    void acceptsTheGeneratedDocumentsTestsRegister() {
        assertThat(PixKeys.parse("t", "cpf", "k", BrazilianNumbers.cpf())).hasSize(11);
        assertThat(PixKeys.parse("t", "cnpj", "k", BrazilianNumbers.cnpj())).hasSize(14);
    }

    @ParameterizedTest
    @ValueSource(strings = {"987654321", "+", "+12345", "+1234567890123456", "+55 11 9876-ABCD", "0055119876543"})
    void refusesAPhoneNotInInternationalForm(String phone) {
        var error = refusal(() -> Phones.parse("phone", phone));
        assertThat(error.field()).isEqualTo("phone");
        assertThat(error.message()).contains("+5511987654321");
    }

    @Test
    void acceptsAnyCountrysPhoneOutsidePixKeys() {
        assertThat(Phones.parse("phone", "+48 601 234 567")).isEqualTo("+48601234567");
        assertThat(Phones.parse("phone", "+1 (415) 555-2671")).isEqualTo("+14155552671");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@b", "a@b.", "a b@example.com", "a@@example.com", "a@exa_mple.com"})
    void refusesAMalformedEmail(String email) {
        assertThat(refusal(() -> Emails.parse("email", email)).field()).isEqualTo("email");
    }

    @Test
    void refusesAnEmailLongerThanAPathMayBe() {
        String local = "a".repeat(64);
        String domain = ("b".repeat(60) + ".").repeat(4) + "com";
        assertThat(refusal(() -> Emails.parse("email", local + "@" + domain)).message())
                .contains("at most 254");
    }

    @ParameterizedTest
    @CsvSource({"2026-12-07,must be in the past", "2027-01-01,must be in the past", "1899-12-31,1900-01-01"})
    void refusesABirthDateOutsideALifetime(LocalDate date, String reason) {
        var error = refusal(() -> BirthDates.check("birthDate", date, TODAY));
        assertThat(error.field()).isEqualTo("birthDate");
        assertThat(error.message()).contains(reason);
    }

    @Test
    void acceptsBirthDatesFrom1900ToYesterday() {
        assertThat(BirthDates.check("birthDate", LocalDate.of(1900, 1, 1), TODAY))
                .isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(BirthDates.check("birthDate", TODAY.minusDays(1), TODAY)).isEqualTo(TODAY.minusDays(1));
    }

    @ParameterizedTest(name = "{0} document ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "cpf|123.456.789-00|documentNumber",
                "cpf|000.000.000-00|documentNumber",
                "passport|AB1|documentNumber",
                "passport|AB-123456|documentNumber",
                "national-id|..|documentNumber",
                "rg|12345678|documentType",
                "cnpj|52998224725|documentType",
            })
    void refusesAPersonsDocumentThatIsNotOneOfItsType(String type, String number, String field) {
        assertThat(refusal(() -> DocumentNumbers.person("documentType", type, "documentNumber", number))
                        .field())
                .isEqualTo(field);
    }

    @ParameterizedTest(name = "{0} document ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "cnpj|11.222.333/0001-82|documentNumber",
                "cnpj|1122233300018|documentNumber",
                "registration|#1|documentNumber",
                "cpf|52998224725|documentType",
            })
    void refusesACompanysDocumentThatIsNotOneOfItsType(String type, String number, String field) {
        assertThat(refusal(() -> DocumentNumbers.company("documentType", type, "documentNumber", number))
                        .field())
                .isEqualTo(field);
    }

    @Test
    void keepsDocumentNumbersNormalised() {
        assertThat(DocumentNumbers.person("t", "cpf", "n", "529.982.247-25")).isEqualTo("52998224725");
        assertThat(DocumentNumbers.person("t", "passport", "n", "fz 123456")).isEqualTo("FZ123456");
        assertThat(DocumentNumbers.company("t", "cnpj", "n", "12.abc.345/01de-35"))
                .isEqualTo("12ABC34501DE35");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"EUR|10.00|in BRL", "BRL|-0.01|negative", "BRL|100000000000000000.00|too large"})
    void refusesAnAmountOutsideTheRegistrysRange(String currency, String amount, String reason) {
        var money = new Money(new BigDecimal(amount), new CurrencyCode(currency, 2));
        assertThat(refusal(() -> Amounts.brl("monthlyIncome", money)).message()).contains(reason);
    }

    @Test
    void refusesTextsThatAreBlankTooLongOrCarryControlCharacters() {
        assertThat(refusal(() -> Texts.required("name", " ", 10)).message()).isEqualTo("is required");
        assertThat(refusal(() -> Texts.required("name", null, 10)).message()).isEqualTo("is required");
        assertThat(refusal(() -> Texts.required("name", "x".repeat(11), 10)).message())
                .contains("at most 10");
        assertThat(refusal(() -> Texts.optional("address", "Rua A\n12", 100)).message())
                .contains("control characters");
        assertThat(refusal(() -> Texts.required("name", "Ana\u0000", 100)).message())
                .contains("control characters");
        assertThat(Texts.optional("address", "  ", 10)).isNull();
        assertThat(Texts.required("name", "  Ana Souza ", 20)).isEqualTo("Ana Souza");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "42",
                "not-a-uuid",
                "3f6c2a9e-8b1d-4c7a-9e2f-5a4b3c2d1e0fa",
                "3f6c2a9e8b1d4c7a9e2f5a4b3c2d1e0f"
            })
    void refusesAnIdThatIsNotARecordId(String id) {
        assertThat(refusal(() -> Texts.id("holderId", id)).field()).isEqualTo("holderId");
        assertThat(Texts.pathId(id)).isEmpty();
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        var check = new FieldCheck();
        check.take(() -> Emails.parse("email", "nope"));
        check.take(() -> Phones.parse("phone", "123"));
        assertThat(check.take(() -> Texts.required("name", "Ana", 10))).isEqualTo("Ana");
        assertThatThrownBy(check::done).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                .extracting(ProblemException.FieldError::field)
                .containsExactly("email", "phone"));
    }

    private static ProblemException.FieldError refusal(Runnable check) {
        try {
            check.run();
        } catch (InvalidInput e) {
            assertThat(e.errors()).hasSize(1);
            return e.errors().get(0);
        }
        throw new AssertionError("accepted");
    }
}
