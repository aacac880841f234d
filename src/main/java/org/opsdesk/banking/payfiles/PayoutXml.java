package org.opsdesk.banking.payfiles;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MxWriteParams;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** What the two pain.001 writers share: the serialisation and the codes both versions use. */
final class PayoutXml {

    /** The debtor agent when the office did not give its bank's BIC (EPC: "NOTPROVIDED" in {@code Othr/Id}). */
    static final String NOT_PROVIDED = "NOTPROVIDED";

    /** The account identification scheme of a domestic account number. */
    static final String BBAN = "BBAN";

    private PayoutXml() {}

    /** The file's creation time in UTC, to the second (banks reject fractions in some channels). */
    static OffsetDateTime creationTime(CheckedPayoutBatch batch) {
        return batch.createdAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
    }

    /** The {@code Document} alone (no business application header): what banks take as a payment file. */
    static String document(AbstractMX message) {
        var params = new MxWriteParams();
        params.prefix = null;
        params.includeXMLDeclaration = true;
        params.indent = "  ";
        return message.document(params);
    }
}
