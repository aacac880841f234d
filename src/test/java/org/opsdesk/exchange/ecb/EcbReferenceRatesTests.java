package org.opsdesk.exchange.ecb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsdesk.shared.InvalidInput;

/** The ECB files as published (fixtures copied byte for byte, see fixtures/rates/PROVENANCE.md), and broken ones. */
class EcbReferenceRatesTests {

    @Test
    void readsTheDailyXmlWithEveryCurrencyOfTheDay() {
        var rates = EcbReferenceRates.parse(fixture("ecb-eurofxref-daily-2025-04-03.xml"));

        assertThat(rates.days()).hasSize(1);
        EcbDay day = rates.latest();
        assertThat(day.date()).isEqualTo(LocalDate.of(2025, 4, 3));
        assertThat(day.perEuro()).hasSize(30);
        assertThat(day.unitsPerEuro("USD")).contains(new BigDecimal("1.1097"));
        assertThat(day.unitsPerEuro("PLN")).contains(new BigDecimal("4.1960"));
        assertThat(day.unitsPerEuro("IDR")).contains(new BigDecimal("18547.91"));
        assertThat(day.unitsPerEuro("EUR")).contains(BigDecimal.ONE);
        assertThat(day.lists("RUB")).isFalse();
    }

    @Test
    void computesCrossRatesThroughTheEuroFromTheFixturesNumbers() {
        EcbDay day = EcbReferenceRates.parse(fixture("ecb-eurofxref-daily-2025-04-03.xml"))
                .latest();

        assertThat(day.crossRate("EUR", "USD")).isEqualByComparingTo("1.1097");
        assertThat(day.crossRate("USD", "EUR")).isEqualByComparingTo("0.90114445345588897900");
        // 1 PLN in USD = 1.1097 / 4.1960; 1 USD in PLN = 4.1960 / 1.1097
        assertThat(day.crossRate("PLN", "USD")).isEqualByComparingTo("0.26446615824594852240");
        assertThat(day.crossRate("USD", "PLN")).isEqualByComparingTo("3.7812021267009101559");
        assertThat(day.crossRate("USD", "JPY")).isEqualByComparingTo("146.13859601694151572");
        assertThat(day.crossRate("PLN", "PLN")).isEqualByComparingTo("1");
    }

    @Test
    void derivesBuyAndSellAroundTheCrossRateWithTheSpreadRoundedInTheOfficesFavour() {
        EcbDay day = EcbReferenceRates.parse(fixture("ecb-eurofxref-daily-2025-04-03.xml"))
                .latest();

        // EUR/PLN mid 4.1960, 1% spread: 4.1960 × 0.995 = 4.17502 down, 4.1960 × 1.005 = 4.21698 up
        var eurPln = day.buySell("EUR", "PLN", 100, 4);
        assertThat(eurPln.mid()).isEqualByComparingTo("4.1960");
        assertThat(eurPln.buy()).isEqualByComparingTo("4.1750");
        assertThat(eurPln.sell()).isEqualByComparingTo("4.2170");

        // USD/PLN mid 3.78120212…, 0.5%: × 0.9975 = 3.77174912… down, × 1.0025 = 3.79065513… up
        var usdPln = day.buySell("USD", "PLN", 50, 4);
        assertThat(usdPln.mid()).isEqualByComparingTo("3.7812");
        assertThat(usdPln.buy()).isEqualByComparingTo("3.7717");
        assertThat(usdPln.sell()).isEqualByComparingTo("3.7907");
        assertThat(usdPln.buy().scale()).isEqualTo(4);
    }

    @Test
    void keepsSellAboveBuyEvenWithoutASpread() {
        var none = BuySell.around(new BigDecimal("4.1960"), 0, 4);
        assertThat(none.buy()).isEqualByComparingTo("4.1960");
        assertThat(none.sell()).isEqualByComparingTo("4.1961");

        var tiny = BuySell.around(new BigDecimal("146.13859601694151572"), 1, 2);
        assertThat(tiny.sell()).isGreaterThan(tiny.buy());
        assertThat(tiny.buy()).isEqualByComparingTo("146.13");
        assertThat(tiny.sell()).isEqualByComparingTo("146.15");
    }

    @Test
    void refusesSpreadsAndPrecisionsThatCannotGiveARate() {
        assertThatThrownBy(() -> BuySell.around(BigDecimal.ONE, -1, 4)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> BuySell.around(BigDecimal.ONE, 5_001, 4)).hasMessageContaining("spread");
        assertThatThrownBy(() -> BuySell.around(BigDecimal.ONE, 100, 19)).hasMessageContaining("scale");
        // 1 IDR is 0.0000539 EUR: at 4 decimals the office would buy it for nothing
        EcbDay day = EcbReferenceRates.parse(fixture("ecb-eurofxref-daily-2025-04-03.xml"))
                .latest();
        assertThatThrownBy(() -> day.buySell("IDR", "EUR", 100, 4))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("rounds to zero");
        assertThat(day.buySell("IDR", "EUR", 100, 8).buy()).isEqualByComparingTo("0.00005364");
        assertThatThrownBy(() -> day.crossRate("RUB", "EUR"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("base: 'RUB' has no ECB reference rate on 2025-04-03");
    }

    @Test
    void readsTheNinetyDayXmlNewestFirst() {
        var rates = EcbReferenceRates.parse(fixture("ecb-eurofxref-hist-90d-2025-01-to-04.xml"));

        assertThat(rates.days()).hasSize(65);
        assertThat(rates.latest().date()).isEqualTo(LocalDate.of(2025, 4, 4));
        assertThat(rates.latest().unitsPerEuro("USD")).contains(new BigDecimal("1.1057"));
        assertThat(rates.latest().unitsPerEuro("HUF")).contains(new BigDecimal("405.7"));
        assertThat(rates.days().get(64).date()).isEqualTo(LocalDate.of(2025, 1, 6));
        assertThat(rates.on(LocalDate.of(2025, 4, 3)).orElseThrow().unitsPerEuro("USD"))
                .contains(new BigDecimal("1.1097"));
        // a Sunday: the Friday's rates are in force
        assertThat(rates.inForceOn(LocalDate.of(2025, 3, 30)).orElseThrow().date())
                .isEqualTo(LocalDate.of(2025, 3, 28));
        assertThat(rates.on(LocalDate.of(2025, 3, 30))).isEmpty();
    }

    @Test
    void readsThePre2023DailyFileWithSingleQuotedAttributesAndItsOldCurrencies() {
        EcbDay day = EcbReferenceRates.parse(fixture("ecb-eurofxref-daily-2018-06-11.xml"))
                .latest();

        assertThat(day.date()).isEqualTo(LocalDate.of(2018, 6, 11));
        assertThat(day.unitsPerEuro("HRK")).contains(new BigDecimal("7.3788"));
        assertThat(day.unitsPerEuro("RUB")).contains(new BigDecimal("73.7903"));
        assertThat(day.crossRate("EUR", "USD")).isEqualByComparingTo("1.1790");
    }

    @Test
    void readsTheDailyCsvWithItsWrittenOutDateAndTrailingSeparator() {
        EcbDay day = EcbReferenceRates.parse(fixture("ecb-eurofxref-daily-2026-04-13.csv"))
                .latest();

        assertThat(day.date()).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(day.perEuro()).hasSize(29).doesNotContainKey("BGN");
        assertThat(day.unitsPerEuro("USD")).contains(new BigDecimal("1.1684"));
        assertThat(day.unitsPerEuro("ZAR")).contains(new BigDecimal("19.3849"));
        assertThat(day.crossRate("PLN", "USD"))
                .isEqualByComparingTo(new BigDecimal("1.1684").divide(new BigDecimal("4.2543"), EcbDay.CROSS));
    }

    @Test
    void readsTheFullHistoryZipSkippingCurrenciesNotQuotedThatDay() {
        var rates = EcbReferenceRates.parse(fixture("ecb-eurofxref-hist-1999-to-2026-04.zip"));

        assertThat(rates.days()).hasSize(6983);
        assertThat(rates.latest().date()).isEqualTo(LocalDate.of(2026, 4, 13));
        EcbDay first = rates.days().get(6982);
        assertThat(first.date()).isEqualTo(LocalDate.of(1999, 1, 4));
        assertThat(first.unitsPerEuro("USD")).contains(new BigDecimal("1.1789"));
        assertThat(first.unitsPerEuro("TRL")).contains(new BigDecimal("372274"));
        assertThat(first.lists("BGN")).isFalse(); // N/A that day
        EcbDay may2010 = rates.on(LocalDate.of(2010, 5, 14)).orElseThrow();
        assertThat(may2010.unitsPerEuro("PLN")).contains(new BigDecimal("3.9858"));
        assertThat(may2010.unitsPerEuro("EEK")).contains(new BigDecimal("15.6466"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "hello",
                "<html><body>not rates</body></html>",
                "<gesmes:Envelope xmlns:gesmes='http://www.gesmes.org/xml/2002-08-01'></gesmes:Envelope>",
                "<gesmes:Envelope xmlns:gesmes='http://www.gesmes.org/xml/2002-08-01'><Cube><Cube time='2025-04-03'>",
                "Date, USD,\n13 April 2026, 1.1684, 2.0,\n",
                "Date, USD,\n31 Februar 2026, 1.1684,\n",
                "Date, USD,\n13 April 2026, -1.1684,\n",
                "Date, USD,\n13 April 2026, 1e3,\n",
                "Date, usd,\n13 April 2026, 1.1684,\n",
                "Date, USD, USD,\n13 April 2026, 1.1, 1.2,\n",
                "Date, USD,\n13 April 2026, N/A,\n",
                "Date, USD,\n2026-04-13, 1.1,\n2026-04-13, 1.2,\n",
            })
    void refusesMalformedFilesWithAReason(String content) {
        assertThatThrownBy(() -> EcbReferenceRates.parse(content.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors())
                        .singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("file");
                            assertThat(error.message()).isNotBlank();
                        }));
    }

    @Test
    void namesWhereAFileBreaks() {
        String xml = new String(fixture("ecb-eurofxref-daily-2025-04-03.xml"), StandardCharsets.UTF_8)
                .replace("rate='4.1960'", "rate='4,1960'");
        assertThatThrownBy(() -> EcbReferenceRates.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("file: line 16: '4,1960' is not a rate");
        assertThatThrownBy(() -> EcbReferenceRates.parse(
                        "Date, USD, PLN,\n13 April 2026, 1.1684,\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("file: line 2: 3 values where the header has 4");
        String cut =
                new String(fixture("ecb-eurofxref-daily-2025-04-03.xml"), StandardCharsets.UTF_8).substring(0, 500);
        assertThatThrownBy(() -> EcbReferenceRates.parse(cut.getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("file: is not well-formed XML");
    }

    @Test
    void refusesAnExternalEntityWithoutReadingIt() {
        String xxe =
                """
                <?xml version="1.0"?>
                <!DOCTYPE gesmes:Envelope [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"
                    xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
                  <gesmes:subject>&secret;</gesmes:subject>
                  <Cube><Cube time="2025-04-03"><Cube currency="USD" rate="1.1097"/></Cube></Cube>
                </gesmes:Envelope>""";

        assertThatThrownBy(() -> EcbReferenceRates.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void refusesEntityExpansionBombs() {
        String laughs =
                """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01">&lol2;</gesmes:Envelope>""";

        assertThatThrownBy(() -> EcbReferenceRates.parse(laughs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesAZipThatUnpacksBeyondTheLimit() throws IOException {
        var archive = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(archive)) {
            zip.putNextEntry(new ZipEntry("eurofxref-hist.csv"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 17; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(archive.size()).isLessThan(EcbReferenceRates.MAX_BYTES);

        assertThatThrownBy(() -> EcbReferenceRates.parse(archive.toByteArray()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("unpacks to more than 16 MB");
        assertThatThrownBy(() -> EcbReferenceRates.parse("PK not really".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidInput.class);
    }

    private static byte[] fixture(String name) {
        try (InputStream in = EcbReferenceRatesTests.class.getResourceAsStream("/fixtures/rates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
