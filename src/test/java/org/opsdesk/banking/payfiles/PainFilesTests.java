package org.opsdesk.banking.payfiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.prowidesoftware.swift.model.mx.MxPain00100103;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransactionInformation10;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader32;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstructionInformation3;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pain.001 file the writers produce, over batches of every shape the office sends, is valid against the
 * official XSD, and carries the batch's control sum, number of transactions and one end-to-end id per item in
 * order — read back with Prowide.
 */
class PainFilesTests {

    static Stream<Arguments> files() {
        return PayoutBatches.shapes()
                .flatMap(batch -> Stream.of(
                        Arguments.of(batch, PayoutFileFormat.PAIN_001_001_03),
                        Arguments.of(batch, PayoutFileFormat.PAIN_001_001_09)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("files")
    void writesASchemaValidFileWithTheBatchTotalsAndOneEndToEndIdPerItem(PayoutBatch batch, PayoutFileFormat format) {
        byte[] file = PayoutFiles.write(batch, format);

        assertThat(PainSchemas.violations(format, file)).isEmpty();
        Totals written = format == PayoutFileFormat.PAIN_001_001_03 ? v03(file) : v09(file);
        BigDecimal sum = batch.items().stream().map(PayoutItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(written.groupControlSum()).isEqualByComparingTo(sum);
        assertThat(written.paymentControlSum()).isEqualByComparingTo(sum);
        assertThat(written.groupCount())
                .isEqualTo(Integer.toString(batch.items().size()));
        assertThat(written.paymentCount())
                .isEqualTo(Integer.toString(batch.items().size()));
        assertThat(written.endToEndIds())
                .containsExactlyElementsOf(
                        batch.items().stream().map(PayoutItem::endToEndId).toList());
    }

    @Test
    void writesTheCreditorAddressStructuredInBothVersions() {
        byte[] v03 = PayoutFiles.write(PayoutBatches.usd(), PayoutFileFormat.PAIN_001_001_03);
        byte[] v09 = PayoutFiles.write(PayoutBatches.usd(), PayoutFileFormat.PAIN_001_001_09);

        var old = MxPain00100103.parse(new String(v03, StandardCharsets.UTF_8))
                .getCstmrCdtTrfInitn()
                .getPmtInf()
                .get(0)
                .getCdtTrfTxInf()
                .get(0)
                .getCdtr()
                .getPstlAdr();
        assertThat(List.of(old.getStrtNm(), old.getBldgNb(), old.getPstCd(), old.getTwnNm(), old.getCtry()))
                .containsExactly("Fifth Avenue", "350", "10118", "New York", "US");
        var current = MxPain00100109.parse(new String(v09, StandardCharsets.UTF_8))
                .getCstmrCdtTrfInitn()
                .getPmtInf()
                .get(0)
                .getCdtTrfTxInf()
                .get(0)
                .getCdtr()
                .getPstlAdr();
        assertThat(List.of(
                        current.getStrtNm(),
                        current.getBldgNb(),
                        current.getPstCd(),
                        current.getTwnNm(),
                        current.getCtry()))
                .containsExactly("Fifth Avenue", "350", "10118", "New York", "US");
    }

    @Test
    void theSchemaCheckRefusesAFileOfTheOtherVersionAndABrokenAmount() {
        byte[] v03 = PayoutFiles.write(PayoutBatches.eur().items(1).build(), PayoutFileFormat.PAIN_001_001_03);
        assertThat(PainSchemas.violations(PayoutFileFormat.PAIN_001_001_09, v03))
                .isNotEmpty();

        String broken = new String(v03, StandardCharsets.UTF_8).replace(">1.01</InstdAmt>", ">1.01EUR</InstdAmt>");
        assertThat(PainSchemas.violations(PayoutFileFormat.PAIN_001_001_03, broken.getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
    }

    private static Totals v03(byte[] file) {
        var message = MxPain00100103.parse(new String(file, StandardCharsets.UTF_8));
        GroupHeader32 header = message.getCstmrCdtTrfInitn().getGrpHdr();
        assertThat(message.getCstmrCdtTrfInitn().getPmtInf()).hasSize(1);
        PaymentInstructionInformation3 payment =
                message.getCstmrCdtTrfInitn().getPmtInf().get(0);
        return new Totals(
                header.getCtrlSum(),
                header.getNbOfTxs(),
                payment.getCtrlSum(),
                payment.getNbOfTxs(),
                payment.getCdtTrfTxInf().stream()
                        .map(CreditTransferTransactionInformation10::getPmtId)
                        .map(id -> id.getEndToEndId())
                        .toList());
    }

    private static Totals v09(byte[] file) {
        var message = MxPain00100109.parse(new String(file, StandardCharsets.UTF_8));
        GroupHeader85 header = message.getCstmrCdtTrfInitn().getGrpHdr();
        assertThat(message.getCstmrCdtTrfInitn().getPmtInf()).hasSize(1);
        PaymentInstruction30 payment = message.getCstmrCdtTrfInitn().getPmtInf().get(0);
        return new Totals(
                header.getCtrlSum(),
                header.getNbOfTxs(),
                payment.getCtrlSum(),
                payment.getNbOfTxs(),
                payment.getCdtTrfTxInf().stream()
                        .map(CreditTransferTransaction34::getPmtId)
                        .map(id -> id.getEndToEndId())
                        .toList());
    }

    private record Totals(
            BigDecimal groupControlSum,
            String groupCount,
            BigDecimal paymentControlSum,
            String paymentCount,
            List<String> endToEndIds) {}
}
