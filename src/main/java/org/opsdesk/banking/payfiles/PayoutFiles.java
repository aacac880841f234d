package org.opsdesk.banking.payfiles;

import java.nio.charset.StandardCharsets;

/** Writes the payout file of a batch in a chosen format: the one entry point for batches and downloads. */
public final class PayoutFiles {

    private PayoutFiles() {}

    /**
     * Checks the batch and writes it.
     *
     * @throws InvalidPayoutBatch with every problem when the batch cannot go to a bank
     */
    public static byte[] write(PayoutBatch batch, PayoutFileFormat format) {
        return write(PayoutBatchCheck.check(batch), format);
    }

    /** Writes a batch already checked, as UTF-8 bytes. */
    public static byte[] write(CheckedPayoutBatch batch, PayoutFileFormat format) {
        String file =
                switch (format) {
                    case PAIN_001_001_03 -> Pain00100103Writer.write(batch);
                    case PAIN_001_001_09 -> Pain00100109Writer.write(batch);
                    case CSV -> PayoutCsvWriter.write(batch);
                };
        return file.getBytes(StandardCharsets.UTF_8);
    }
}
