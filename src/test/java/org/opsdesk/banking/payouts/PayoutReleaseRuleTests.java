package org.opsdesk.banking.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.opsdesk.workflow.FourEyesPolicy;
import org.opsdesk.workflow.Move;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.Trigger;
import org.springframework.mock.env.MockEnvironment;

/** Four-eyes on a batch's release: strictly above its currency's configured total, always in a currency without. */
class PayoutReleaseRuleTests {

    private final PayoutReleaseRule rule = new PayoutReleaseRule(new PayoutSettings(
            new MockEnvironment().withProperty("opsdesk.banking.payouts.four-eyes-above.HKD", "10000.00")));

    @Test
    void asksOneCheckerOnlyAboveTheConfiguredTotal() {
        assertThat(rule.requiredApprovals(batch("10000.00", "HKD"), move("released")))
                .isZero();
        assertThat(rule.requiredApprovals(batch("10000.01", "HKD"), move("released")))
                .isEqualTo(1);
    }

    @Test
    void asksOneCheckerAlwaysInACurrencyWithoutATotal() {
        assertThat(rule.requiredApprovals(batch("0.01", "AUD"), move("released")))
                .isEqualTo(1);
    }

    @Test
    void asksNoneForTheBatchsOtherMovesAndGrantsThemByExchangePayouts() {
        assertThat(rule.requiredApprovals(batch("99999.00", "HKD"), move("discarded")))
                .isZero();
        assertThat(rule.permissionToMove(batch("1.00", "HKD"), "released")).isEqualTo("exchange:payouts");
    }

    private static Move move(String to) {
        return new Move(
                new Transition(
                        "open",
                        to,
                        Trigger.MANUAL,
                        "payout_batch:transition:" + to,
                        false,
                        FourEyesPolicy.none(),
                        null),
                false,
                0);
    }

    private static OperationSnapshot batch(String total, String currency) {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        return new OperationSnapshot(
                UUID.randomUUID(),
                "payout_batch",
                1,
                "PB-20261207-TEST",
                "bank-account:test",
                Status.PENDING,
                "open",
                new Money(new BigDecimal(total), new CurrencyCode(currency, 2)),
                null,
                "{}",
                1,
                now,
                now,
                now,
                null);
    }
}
