package org.opsdesk.banking.balances;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One booked movement on an office account, with everything the bank said about it. */
@Schema(description = "A booked movement on the account, as the bank reported it.")
public record EntryLine(
        @Schema(example = "48213") long id,
        @Schema(
                        description = "The statement it was first reported in.",
                        example = "7d0c1a52-3b8e-4f61-9a2d-0e5c4b3a2f19")
                UUID statementRef,
        @Schema(example = "2026-11-02") LocalDate bookingDate,
        @Schema(example = "2026-11-02") @Nullable LocalDate valueDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
                @Schema(type = "string", description = "Positive; the direction says which way.", example = "250.00")
                BigDecimal amount,
        @Schema(example = "TRY") String currency,
        @Schema(
                        allowableValues = {"CREDIT", "DEBIT"},
                        example = "CREDIT")
                String direction,
        @Schema(example = "Ayşe Yılmaz") @Nullable String counterpartyName,
        @Schema(example = "TR330006100519786457841326") @Nullable String counterpartyIban,
        @Schema(example = "ISBKTRISXXX") @Nullable String counterpartyBic,
        @Schema(example = "EX-2026-000123 exchange order") @Nullable String remittance,
        @Schema(example = "E2E-EX-2026-000123") @Nullable String endToEndId,
        @Schema(example = "BR26110200001") @Nullable String bankReference,
        @Schema(
                        description =
                                "The entry as it stands in the file (MT940) or a one-line summary of its fields (camt).",
                        example = ":61:2611021102C250,00NTRFEX-2026-000123//BR26110200001\r\n:86:EX-2026-000123")
                String raw,
        @Schema(example = "2026-11-03T07:12:41Z") Instant storedAt) {

    /** The amount with its sign: negative for a debit. */
    public BigDecimal signedAmount() {
        return "DEBIT".equals(direction) ? amount.negate() : amount;
    }
}
