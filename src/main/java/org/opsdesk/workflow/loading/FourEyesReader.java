package org.opsdesk.workflow.loading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.workflow.FourEyesPolicy;
import tools.jackson.databind.JsonNode;

/**
 * Reads a transition's {@code fourEyes} value: {@code true} (one checker, always), {@code false} or absent
 * (nobody), or a list of tiers
 *
 * <pre>
 * fourEyes:
 *   - above: { EUR: "1000.00", USD: "1100.00" }
 *     approvals: 1
 *   - above: { EUR: "50000.00", USD: "55000.00" }
 *     approvals: 2
 * </pre>
 *
 * Strict: approvals are whole numbers from 1 to {@value #MAX_APPROVALS} and grow from tier to tier; currencies are
 * ISO 4217 or configured ones; thresholds are non-negative decimals (strings or numbers) with at most the
 * currency's decimals, growing from tier to tier per currency; every tier with thresholds lists the same
 * currencies (a currency missing from one tier would make that tier apply to every amount in it); a tier without
 * thresholds can only be the first.
 */
public final class FourEyesReader {

    static final int MAX_APPROVALS = 10;
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,30}(\\.\\d{1,18})?");
    private static final Set<String> TIER_KEYS = Set.of("above", "approvals");

    private final Currencies currencies;

    public FourEyesReader(Currencies currencies) {
        this.currencies = currencies;
    }

    /** The policy, or {@link FourEyesPolicy#none()} after reporting each problem to {@code problems}. */
    public FourEyesPolicy read(@Nullable JsonNode value, Consumer<String> problems) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return FourEyesPolicy.none();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? FourEyesPolicy.always() : FourEyesPolicy.none();
        }
        if (!value.isArray() || value.isEmpty()) {
            problems.accept("'fourEyes' must be true, false or a non-empty list of tiers ({above, approvals})");
            return FourEyesPolicy.none();
        }
        var collected = new ArrayList<String>();
        Consumer<String> report = message -> {
            collected.add(message);
            problems.accept(message);
        };
        var tiers = new ArrayList<FourEyesPolicy.Tier>();
        for (int i = 0; i < value.size(); i++) {
            FourEyesPolicy.Tier tier = tier("fourEyes[" + i + "]", value.get(i), report);
            if (tier != null) {
                tiers.add(tier);
            }
        }
        if (collected.isEmpty()) {
            checkOrder(tiers, report);
        }
        return collected.isEmpty() ? new FourEyesPolicy(tiers) : FourEyesPolicy.none();
    }

    private FourEyesPolicy.@Nullable Tier tier(String path, JsonNode node, Consumer<String> problems) {
        if (!node.isObject()) {
            problems.accept(path + ": a tier must be a mapping with 'approvals' and optionally 'above'");
            return null;
        }
        boolean valid = true;
        for (String key : node.propertyNames()) {
            if (!TIER_KEYS.contains(key)) {
                problems.accept(path + ": unknown key '" + key + "' (a tier has 'above' and 'approvals')");
                valid = false;
            }
        }
        Integer approvals = approvals(path + ".approvals", node.get("approvals"), problems);
        Map<String, BigDecimal> above = above(path + ".above", node.get("above"), problems);
        if (approvals == null || above == null || !valid) {
            return null;
        }
        return new FourEyesPolicy.Tier(above, approvals);
    }

    private static @Nullable Integer approvals(String path, @Nullable JsonNode node, Consumer<String> problems) {
        if (node == null || node.isNull()) {
            problems.accept(path + ": missing (how many distinct checkers the tier needs)");
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problems.accept(path + ": must be a whole number from 1 to " + MAX_APPROVALS + ", found '" + node + "'");
            return null;
        }
        int approvals = node.intValue();
        if (approvals < 1 || approvals > MAX_APPROVALS) {
            problems.accept(path + ": must be a whole number from 1 to " + MAX_APPROVALS + ", found " + approvals);
            return null;
        }
        return approvals;
    }

    /** The thresholds at their currencies' scale; empty when absent (the tier always applies); null when invalid. */
    private @Nullable Map<String, BigDecimal> above(String path, @Nullable JsonNode node, Consumer<String> problems) {
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject() || node.isEmpty()) {
            problems.accept(path + ": must map currency codes to amounts, such as { EUR: \"1000.00\" }");
            return null;
        }
        var thresholds = new LinkedHashMap<String, BigDecimal>();
        boolean valid = true;
        for (String code : node.propertyNames()) {
            BigDecimal threshold = threshold(path + "." + code, code, node.get(code), problems);
            if (threshold == null) {
                valid = false;
            } else {
                thresholds.put(code, threshold);
            }
        }
        return valid ? thresholds : null;
    }

    private @Nullable BigDecimal threshold(String path, String code, JsonNode value, Consumer<String> problems) {
        CurrencyCode currency = currencies.find(code).orElse(null);
        if (currency == null) {
            problems.accept(path + ": '" + code + "' is not a known ISO 4217 or configured currency");
            return null;
        }
        BigDecimal amount;
        if (value.isString() && DECIMAL.matcher(value.asString()).matches()) {
            amount = new BigDecimal(value.asString());
        } else if (value.isNumber() && !value.isFloatingPointNumber() || value.isBigDecimal()) {
            amount = value.decimalValue();
        } else {
            problems.accept(path + ": must be a non-negative decimal amount such as \"1000.00\", found " + value);
            return null;
        }
        if (amount.signum() < 0) {
            problems.accept(path + ": must not be negative, found " + amount.toPlainString());
            return null;
        }
        if (amount.scale() > currency.fractionDigits()) {
            problems.accept(path + ": " + code + " amounts have at most " + currency.fractionDigits()
                    + " decimals, found " + amount.toPlainString());
            return null;
        }
        return amount.setScale(currency.fractionDigits());
    }

    private static void checkOrder(List<FourEyesPolicy.Tier> tiers, Consumer<String> problems) {
        for (int i = 1; i < tiers.size(); i++) {
            FourEyesPolicy.Tier previous = tiers.get(i - 1);
            FourEyesPolicy.Tier tier = tiers.get(i);
            String path = "fourEyes[" + i + "]";
            if (tier.above().isEmpty()) {
                problems.accept(path + ": only the first tier may leave out 'above' (it applies to every amount)");
                continue;
            }
            if (tier.approvals() <= previous.approvals()) {
                problems.accept(path + ": tiers must be ordered by growing 'approvals', found " + tier.approvals()
                        + " after " + previous.approvals());
            }
            if (previous.above().isEmpty()) {
                continue;
            }
            if (!tier.above().keySet().equals(previous.above().keySet())) {
                problems.accept(path + ".above: every tier must list the same currencies as fourEyes[" + (i - 1)
                        + "], found " + tier.above().keySet() + " after "
                        + previous.above().keySet());
                continue;
            }
            tier.above().forEach((code, threshold) -> {
                BigDecimal lower = previous.above().get(code);
                if (threshold.compareTo(lower) <= 0) {
                    problems.accept(path + ".above." + code + ": thresholds must grow from tier to tier, found "
                            + threshold.toPlainString() + " after " + lower.toPlainString());
                }
            });
        }
    }
}
