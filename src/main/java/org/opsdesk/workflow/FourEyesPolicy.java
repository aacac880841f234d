package org.opsdesk.workflow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Money;

/**
 * How many distinct people besides the maker must approve a transition before it applies, depending on the
 * operation's amount. The required number is the highest {@code approvals} among the tiers that apply; none
 * applying, or no tiers at all, means no approval.
 *
 * <p>A tier applies when the operation's amount is strictly above the tier's threshold for its currency. A tier
 * without thresholds always applies. Failing safe: when the operation has no amount, or its currency is not
 * listed in a tier that has thresholds, that tier applies too — an amount the policy cannot compare is never
 * waved through.
 *
 * @param tiers ordered by increasing {@code approvals} (the validator enforces it)
 */
public record FourEyesPolicy(List<Tier> tiers) {

    /**
     * One tier of the policy.
     *
     * @param above threshold per currency code, each at its currency's scale; empty means "always applies"
     * @param approvals how many distinct checkers the tier asks for, at least 1
     */
    public record Tier(Map<String, BigDecimal> above, int approvals) {
        public Tier {
            above = java.util.Collections.unmodifiableMap(new TreeMap<>(above));
            if (approvals < 1) {
                throw new IllegalArgumentException("a tier needs at least one approval, found " + approvals);
            }
        }

        /** Whether an operation with this amount (or none) falls under this tier. */
        public boolean appliesTo(@Nullable Money amount) {
            if (above.isEmpty() || amount == null) {
                return true;
            }
            BigDecimal threshold = above.get(amount.currency().code());
            return threshold == null || amount.amount().compareTo(threshold) > 0;
        }
    }

    private static final FourEyesPolicy NONE = new FourEyesPolicy(List.of());
    private static final FourEyesPolicy ALWAYS_ONE = new FourEyesPolicy(List.of(new Tier(Map.of(), 1)));

    public FourEyesPolicy {
        tiers = List.copyOf(Objects.requireNonNull(tiers));
    }

    /** No four-eyes rule: the transition applies at once. */
    public static FourEyesPolicy none() {
        return NONE;
    }

    /** {@code fourEyes: true}: one checker, whatever the amount. */
    public static FourEyesPolicy always() {
        return ALWAYS_ONE;
    }

    /** Whether any operation could need an approval for this transition. */
    public boolean isActive() {
        return !tiers.isEmpty();
    }

    /** Whether this is exactly {@code fourEyes: true}. */
    public boolean isAlwaysOne() {
        return equals(ALWAYS_ONE);
    }

    /** Distinct checkers an operation with this amount (null: none) needs; 0 means none. */
    public int requiredApprovals(@Nullable Money amount) {
        int required = 0;
        for (Tier tier : tiers) {
            if (tier.appliesTo(amount)) {
                required = Math.max(required, tier.approvals());
            }
        }
        return required;
    }
}
