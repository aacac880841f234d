package org.opsdesk.registry.limits;

import java.util.regex.Pattern;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.registry.validation.Amounts;
import org.opsdesk.registry.validation.FieldCheck;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Money;

/**
 * The daytime and night-time values of a limit from an action's input: both in reais, and the night-time one not
 * above the daytime one (the Central Bank's Pix rules make the night a period of lower limits).
 */
final class LimitValues {

    static final Pattern TYPE_CODE = Pattern.compile("[a-z][a-z0-9_-]{1,39}");

    private LimitValues() {}

    static LimitStore.Limit read(String transactionType, ActionInput input) {
        var check = new FieldCheck();
        Money daytime = check.take(() -> Amounts.brl("daytime", required(input, "daytime")));
        Money nighttime = check.take(() -> Amounts.brl("nighttime", required(input, "nighttime")));
        if (daytime != null && nighttime != null && nighttime.amount().compareTo(daytime.amount()) > 0) {
            check.refuse("nighttime", "must not be above the daytime limit");
        }
        check.done();
        return new LimitStore.Limit(transactionType, daytime.amount(), nighttime.amount(), "BRL", true);
    }

    static String typeCode(ActionInput input) {
        String code =
                input.text("transactionType").orElseThrow(() -> InvalidInput.of("transactionType", "is required"));
        if (!TYPE_CODE.matcher(code).matches()) {
            throw InvalidInput.of(
                    "transactionType",
                    "must be 2 to 40 lower-case letters, digits, '_' or '-', starting with a letter (pix, ted_out)");
        }
        return code;
    }

    private static Money required(ActionInput input, String field) {
        return input.money(field).orElseThrow(() -> InvalidInput.of(field, "is required"));
    }
}
