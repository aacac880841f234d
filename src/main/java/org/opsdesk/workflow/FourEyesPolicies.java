package org.opsdesk.workflow;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Currencies;
import org.opsdesk.workflow.loading.FourEyesReader;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code fourEyes} value written as the workflows write it — {@code true}, {@code false} or a list of tiers
 * {@code [{above: {EUR: "1000.00"}, approvals: 1}, …]} — with the workflows' own strict rules, for other modules
 * whose declarations carry a four-eyes policy (the action catalog's).
 */
public final class FourEyesPolicies {

    private FourEyesPolicies() {}

    /** The policy, or {@link FourEyesPolicy#none()} after reporting each problem to {@code problems}. */
    public static FourEyesPolicy read(@Nullable JsonNode value, Currencies currencies, Consumer<String> problems) {
        return new FourEyesReader(currencies).read(value, problems);
    }
}
