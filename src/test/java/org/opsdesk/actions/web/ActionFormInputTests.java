package org.opsdesk.actions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionDefinition.Field;
import org.opsdesk.actions.ActionDefinition.FieldType;
import org.opsdesk.workflow.FourEyesPolicy;

/** A console form read into the JSON input the catalog checks, as the API would have sent it. */
class ActionFormInputTests {

    private static Field field(String name, FieldType type) {
        return new Field(name, type, false, null, null, null, null, null, List.of(), List.of(), null, List.of());
    }

    private static final ActionDefinition ACTION = new ActionDefinition(
            "widget.tune",
            "other",
            "account",
            "account",
            false,
            false,
            FourEyesPolicy.none(),
            false,
            null,
            false,
            List.of(),
            Map.of(),
            java.util.Set.of(),
            true,
            List.of(
                    field("note", FieldType.TEXT),
                    field("count", FieldType.INTEGER),
                    field("limit", FieldType.MONEY),
                    field("urgent", FieldType.BOOLEAN),
                    field("email", FieldType.EMAIL)),
            null,
            "action:widget.tune");

    @Test
    void readsEachTypeAsTheApiTakesItAndLeavesBlankFieldsOut() {
        var input = ActionFormInput.read(
                ACTION,
                Map.of(
                        "note", "  kept  ",
                        "count", "12",
                        "limit.value", "250.00",
                        "limit.currency", "BRL",
                        "urgent", "true",
                        "email", "   ",
                        "_csrf", "token"),
                Map.of());

        assertThat(input.toString())
                .isEqualTo("{\"note\":\"kept\",\"count\":12,\"limit\":{\"value\":\"250.00\",\"currency\":\"BRL\"},"
                        + "\"urgent\":true}");
    }

    @Test
    void passesAnUnreadableNumberOnAsTypedForTheCatalogToRefuse() {
        var input = ActionFormInput.read(ACTION, Map.of("count", "twelve"), Map.of());

        assertThat(input.get("count").asString()).isEqualTo("twelve");
        assertThat(input.get("urgent").asBoolean()).isFalse(); // an unticked box is false, not absent
    }

    @Test
    void namesTheFormControlAFieldErrorBelongsBeside() {
        assertThat(ActionFormErrors.control("input.limit.value")).isEqualTo("limit");
        assertThat(ActionFormErrors.control("input.note")).isEqualTo("note");
        assertThat(ActionFormErrors.control("confirm")).isEqualTo("confirm");
    }
}
