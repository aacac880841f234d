package org.opsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;

/** How many checkers a four-eyes policy asks for, by amount and currency. */
class FourEyesPolicyTests {

    private static final FourEyesPolicy TIERED = new FourEyesPolicy(List.of(
            new FourEyesPolicy.Tier(Map.of("EUR", new BigDecimal("1000.00"), "JPY", new BigDecimal("150000")), 1),
            new FourEyesPolicy.Tier(Map.of("EUR", new BigDecimal("50000.00"), "JPY", new BigDecimal("7500000")), 2)));

    @Test
    void asksForNobodyAtOrBelowTheFirstThreshold() {
        assertThat(TIERED.requiredApprovals(eur("1000.00"))).isZero();
        assertThat(TIERED.requiredApprovals(eur("0.01"))).isZero();
        assertThat(TIERED.requiredApprovals(jpy("150000"))).isZero();
    }

    @Test
    void appliesATierOnlyStrictlyAboveItsThreshold() {
        assertThat(TIERED.requiredApprovals(eur("1000.01"))).isEqualTo(1);
        assertThat(TIERED.requiredApprovals(jpy("150001"))).isEqualTo(1);
        assertThat(TIERED.requiredApprovals(eur("50000.00"))).isEqualTo(1);
    }

    @Test
    void asksForTheHighestApprovalsOfTheTiersThatApply() {
        assertThat(TIERED.requiredApprovals(eur("50000.01"))).isEqualTo(2);
        assertThat(TIERED.requiredApprovals(jpy("9000000"))).isEqualTo(2);
    }

    @Test
    void comparesThresholdsOnlyWithinTheOperationsCurrency() {
        // 2,000 JPY is far below 150,000 JPY even though 2,000 is above the EUR threshold.
        assertThat(TIERED.requiredApprovals(jpy("2000"))).isZero();
    }

    @Test
    void failsSafeForACurrencyATierDoesNotList() {
        var swissFrancs = new Money(new BigDecimal("0.01"), new CurrencyCode("CHF", 2));

        assertThat(TIERED.requiredApprovals(swissFrancs)).isEqualTo(2);
    }

    @Test
    void failsSafeForAnOperationWithoutAnAmount() {
        assertThat(TIERED.requiredApprovals(null)).isEqualTo(2);
    }

    @Test
    void appliesATierWithoutThresholdsToEveryAmount() {
        var loan = new FourEyesPolicy(List.of(
                new FourEyesPolicy.Tier(Map.of(), 1),
                new FourEyesPolicy.Tier(Map.of("EUR", new BigDecimal("25000.00")), 2)));

        assertThat(loan.requiredApprovals(eur("0.01"))).isEqualTo(1);
        assertThat(loan.requiredApprovals(eur("25000.01"))).isEqualTo(2);
        assertThat(FourEyesPolicy.always().requiredApprovals(eur("0.01"))).isEqualTo(1);
        assertThat(FourEyesPolicy.always().requiredApprovals(null)).isEqualTo(1);
    }

    @Test
    void asksForNobodyWithoutTiers() {
        assertThat(FourEyesPolicy.none().isActive()).isFalse();
        assertThat(FourEyesPolicy.none().requiredApprovals(null)).isZero();
        assertThat(FourEyesPolicy.none().requiredApprovals(eur("999999999.99"))).isZero();
    }

    @Test
    void refusesATierAskingForNoApproval() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FourEyesPolicy.Tier(Map.of(), 0))
                .withMessageContaining("at least one approval");
    }

    private static Money eur(String value) {
        return new Money(new BigDecimal(value), new CurrencyCode("EUR", 2));
    }

    private static Money jpy(String value) {
        return new Money(new BigDecimal(value), new CurrencyCode("JPY", 0));
    }
}
