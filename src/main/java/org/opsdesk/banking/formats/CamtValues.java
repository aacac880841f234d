package org.opsdesk.banking.formats;

import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditorReferenceInformation2;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The camt values whose Prowide types are the same in every version (v02, v04, v08). */
final class CamtValues {

    private CamtValues() {}

    /** The IBAN, else the other identification the bank uses. */
    static @Nullable String account(@Nullable AccountIdentification4Choice id) {
        if (id == null) {
            return null;
        }
        if (id.getIBAN() != null) {
            return id.getIBAN();
        }
        return id.getOthr() == null ? null : id.getOthr().getId();
    }

    static @Nullable Boolean credit(@Nullable CreditDebitCode code) {
        return code == null ? null : code == CreditDebitCode.CRDT;
    }

    static @Nullable String sequence(@Nullable BigDecimal electronic, @Nullable BigDecimal legal) {
        BigDecimal sequence = electronic != null ? electronic : legal;
        return sequence == null ? null : sequence.toPlainString();
    }

    /** The calendar day as the bank stated it: a date-time keeps the day of its own offset. */
    static @Nullable LocalDate date(@Nullable LocalDate date, @Nullable OffsetDateTime dateTime) {
        return date != null ? date : date(dateTime);
    }

    static @Nullable LocalDate date(@Nullable OffsetDateTime dateTime) {
        return dateTime == null ? null : dateTime.toLocalDate();
    }

    /** A structured remittance's creditor reference and additional lines. */
    static Stream<@Nullable String> structured(@Nullable CreditorReferenceInformation2 reference, List<String> lines) {
        return Stream.concat(Stream.of(reference == null ? null : reference.getRef()), lines.stream());
    }
}
