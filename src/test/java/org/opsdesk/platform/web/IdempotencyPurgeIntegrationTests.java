package org.opsdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Forgetting old idempotency keys deletes them in bounded batches, never in one unbounded statement. */
class IdempotencyPurgeIntegrationTests extends IntegrationTest {

    private static final String PRINCIPAL = "purge-test";

    @Autowired
    IdempotencyStore store;

    @Autowired
    WebConfiguration.IdempotencyRetention retention;

    @Test
    void deletesOldKeysInBatchesOfTheGivenSizeAndKeepsYoungOnes() {
        Instant cutoff = Instant.parse("2001-01-01T00:00:00Z");
        insertKeys("old", 2_500, cutoff.minus(3, ChronoUnit.DAYS));
        insertKeys("young", 3, cutoff.plusSeconds(1));

        int oneStatement = store.deleteOlderThan(cutoff, 1_000);
        long theRest = retention.forgetKeysOlderThan(cutoff, 1_000);

        assertThat(oneStatement).isEqualTo(1_000);
        assertThat(theRest).isEqualTo(1_500);
        assertThat(jdbc.sql("select count(*) from platform.idempotency_key where principal = ?")
                        .param(PRINCIPAL)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        jdbc.sql("delete from platform.idempotency_key where principal = ?")
                .param(PRINCIPAL)
                .update();
    }

    private void insertKeys(String prefix, int count, Instant createdAt) {
        jdbc.sql(
                        """
                        insert into platform.idempotency_key (principal, idempotency_key, fingerprint, response_status,
                          response_headers, response_body, created_at)
                        select ?, ? || n, '\\x00', 200, '{}', '\\x00', ? from generate_series(1, ?) n""")
                .params(PRINCIPAL, prefix + "-", java.sql.Timestamp.from(createdAt), count)
                .update();
    }
}
