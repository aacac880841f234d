package org.opsdesk.banking.payfiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.prowidesoftware.swift.model.mx.MxPain00100103;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransactionInformation10;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstructionInformation3;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Our pain.001.001.03 has the shape of the files banks publish: the three permissively licensed examples (German
 * Kreditwirtschaft, ABN AMRO, ING; see the fixtures' PROVENANCE) are XSD-valid, Prowide reads in them every field
 * our writer sets, and every element our writer emits for a SEPA batch appears in at least one of them — apart from
 * the few we add on purpose, named here with the reason.
 */
class PainExampleShapeTests {

    private static final String[] EXAMPLES = {
        "pain.001.001.03-de-dk-example-2tx.xml",
        "pain.001.001.03-nl-abnamro-voorbeeld.xml",
        "pain.001.001.03-nl-ing-voorbeeld.xml"
    };

    // Elements our SEPA file carries that none of the three examples has, on purpose.
    private static final Set<String> OURS_ON_PURPOSE = Set.of(
            // the account's currency, which banks check against the batch (the pain.001.001.09 example has it too)
            "CstmrCdtTrfInitn/PmtInf/DbtrAcct/Ccy");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pain.001.001.03-de-dk-example-2tx.xml",
                "pain.001.001.03-nl-abnamro-voorbeeld.xml",
                "pain.001.001.03-nl-ing-voorbeeld.xml"
            })
    void aBankExampleIsValidAndCarriesEveryFieldOurWriterSets(String example) throws IOException {
        byte[] file = example(example);
        assertThat(PainSchemas.violations(PayoutFileFormat.PAIN_001_001_03, file))
                .isEmpty();

        var message =
                MxPain00100103.parse(new String(file, StandardCharsets.UTF_8)).getCstmrCdtTrfInitn();
        var header = message.getGrpHdr();
        assertThat(Stream.of(
                        header.getMsgId(),
                        header.getCreDtTm(),
                        header.getNbOfTxs(),
                        header.getInitgPty().getNm()))
                .doesNotContainNull();
        assertThat(message.getPmtInf()).hasSize(1);
        PaymentInstructionInformation3 payment = message.getPmtInf().get(0);
        assertThat(Stream.of(
                        payment.getPmtInfId(),
                        payment.getPmtMtd(),
                        payment.getNbOfTxs(),
                        payment.getReqdExctnDt(),
                        payment.getDbtr().getNm(),
                        payment.getDbtrAcct().getId().getIBAN(),
                        payment.getDbtrAgt().getFinInstnId().getBIC(),
                        payment.getChrgBr()))
                .doesNotContainNull();
        assertThat(payment.getPmtMtd().value()).isEqualTo("TRF");
        assertThat(payment.getChrgBr().value()).isEqualTo("SLEV");
        assertThat(payment.getPmtTpInf().getSvcLvl().getCd()).isEqualTo("SEPA");
        assertThat(payment.getCdtTrfTxInf()).hasSize(Integer.parseInt(payment.getNbOfTxs()));
        for (CreditTransferTransactionInformation10 transaction : payment.getCdtTrfTxInf()) {
            assertThat(Stream.of(
                            transaction.getPmtId().getEndToEndId(),
                            transaction.getAmt().getInstdAmt().getValue(),
                            transaction.getAmt().getInstdAmt().getCcy(),
                            transaction.getCdtr().getNm(),
                            transaction.getCdtrAcct().getId().getIBAN(),
                            transaction.getRmtInf().getUstrd()))
                    .doesNotContainNull();
        }
    }

    @Test
    void everyElementOurSepaFileCarriesAppearsInABankExample() throws Exception {
        Set<String> examples = new TreeSet<>();
        for (String example : EXAMPLES) {
            examples.addAll(paths(example(example)));
        }
        byte[] ours = PayoutFiles.write(PayoutBatches.eur().items(2).build(), PayoutFileFormat.PAIN_001_001_03);

        Set<String> ourOwn = paths(ours).stream()
                .filter(path -> !examples.contains(path))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(ourOwn).containsExactlyInAnyOrderElementsOf(OURS_ON_PURPOSE);
    }

    /** Every element's path below {@code Document}, without namespaces. */
    private static Set<String> paths(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Element document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml))
                .getDocumentElement();
        Set<String> paths = new TreeSet<>();
        collect(document, "", paths);
        return paths;
    }

    private static void collect(Element element, String path, Set<String> paths) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                String childPath = (path.isEmpty() ? "" : path + "/") + childElement.getLocalName();
                paths.add(childPath);
                collect(childElement, childPath, paths);
            }
        }
    }

    private static byte[] example(String name) throws IOException {
        try (InputStream in = PainExampleShapeTests.class.getResourceAsStream("/fixtures/payouts/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
