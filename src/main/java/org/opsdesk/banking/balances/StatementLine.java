package org.opsdesk.banking.balances;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One stored statement of an office account, as the timeline shows it.
 *
 * @param gapPreviousClosing the previous statement's closing balance when this one does not open at it (a statement
 *     is missing in between); null when the two meet
 */
@Schema(description = "A stored statement of the account, with the gap before it if one is missing.")
public record StatementLine(
        @Schema(example = "7d0c1a52-3b8e-4f61-9a2d-0e5c4b3a2f19") UUID id,
        @Schema(description = "The statement's own id (MT940 :20:, camt Stmt/Id).", example = "STMT-2026-11-02")
                String statementId,
        @Schema(description = "Its sequence or page (MT940 :28C:), if the bank numbers them.", example = "1/1")
                @Nullable
                String sequence,
        @Schema(example = "2026-11-02") @Nullable LocalDate from,
        @Schema(example = "2026-11-02") @Nullable LocalDate to,
        @Schema(example = "TRY") String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "1000.00") @Nullable
                BigDecimal openingBalance,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "1209.50") @Nullable
                BigDecimal closingBalance,
        @Schema(example = "2") int entriesTotal,
        @Schema(description = "Entries first stored by the import that stored the statement.", example = "2")
                int entriesNew,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
                @Schema(
                        type = "string",
                        description = "Set when a statement is missing before this one.",
                        example = "980.00")
                @Nullable
                BigDecimal gapPreviousClosing,
        @Schema(example = "5a7e9c10-2d4b-4e8f-b1a3-6c9d0e2f4a58") UUID importId,
        @Schema(example = "2026-11-03T07:12:40Z") Instant importedAt) {

    /** Whether a statement is missing before this one. */
    public boolean gap() {
        return gapPreviousClosing != null;
    }

    /** The day the timeline orders it by: its last day, else its first (a notification may have neither). */
    @Nullable
    LocalDate day() {
        return to != null ? to : from;
    }
}
