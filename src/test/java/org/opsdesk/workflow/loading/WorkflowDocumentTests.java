package org.opsdesk.workflow.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsdesk.workflow.FourEyesPolicy;
import org.opsdesk.workflow.WorkflowDefinition;

/**
 * Stored definition versions: documents written before four-eyes tiers existed ({@code "fourEyes": true|false})
 * still load with the same meaning, and definitions without tiers keep their content, so their version.
 */
class WorkflowDocumentTests {

    /** As a release before four-eyes tiers stored it in workflow.definition_version (jsonb text). */
    private static final String STORED_BEFORE_TIERS =
            """
            {"type": "withdrawal", "stages": [{"sla": null, "code": "under_review", "status": "PENDING", "terminal": false},
             {"sla": null, "code": "approved", "status": "SUCCESS", "terminal": true},
             {"sla": null, "code": "rejected", "status": "REJECTED", "terminal": true}],
             "description": "old", "transitions": [
              {"to": "approved", "from": "under_review", "after": null, "trigger": "MANUAL", "fourEyes": true,
               "permission": "withdrawal:transition:approved", "reasonRequired": false},
              {"to": "rejected", "from": "under_review", "after": null, "trigger": "MANUAL", "fourEyes": false,
               "permission": "withdrawal:transition:rejected", "reasonRequired": true}],
             "initialStage": "under_review"}
            """;

    @Test
    void loadsADocumentStoredBeforeFourEyesTiersWithTheSameMeaning() {
        WorkflowDefinition old = WorkflowVersionStore.read(STORED_BEFORE_TIERS, 3);

        assertThat(old.version()).isEqualTo(3);
        assertThat(old.transition("under_review", "approved").orElseThrow().fourEyes())
                .isEqualTo(FourEyesPolicy.always());
        assertThat(old.transition("under_review", "rejected").orElseThrow().fourEyes())
                .isEqualTo(FourEyesPolicy.none());
    }

    @Test
    void writesPoliciesWithoutTiersAsTheBooleansEarlierReleasesWrote() {
        WorkflowDefinition old = WorkflowVersionStore.read(STORED_BEFORE_TIERS, 1);

        String json = WorkflowVersionStore.canonicalJson(old);

        assertThat(json)
                .contains("\"reasonRequired\":false,\"fourEyes\":true,\"after\":null")
                .contains("\"reasonRequired\":true,\"fourEyes\":false,\"after\":null");
    }

    @Test
    void storesAndReadsBackATieredPolicyExactly() {
        var errors = new ArrayList<String>();
        var shipped = new WorkflowValidator().validate(new WorkflowFileReader().read(null, errors), errors);
        assertThat(errors).isEmpty();
        WorkflowDefinition withdrawal = shipped.get("withdrawal");

        String json = WorkflowVersionStore.canonicalJson(withdrawal);
        WorkflowDefinition readBack = WorkflowVersionStore.read(json, 7);

        var policy =
                readBack.transition("under_review", "approved").orElseThrow().fourEyes();
        assertThat(policy)
                .isEqualTo(withdrawal
                        .transition("under_review", "approved")
                        .orElseThrow()
                        .fourEyes());
        assertThat(policy.tiers().get(1))
                .isEqualTo(new FourEyesPolicy.Tier(
                        Map.of(
                                "BRL", new BigDecimal("300000.00"),
                                "EUR", new BigDecimal("50000.00"),
                                "GBP", new BigDecimal("45000.00"),
                                "PLN", new BigDecimal("215000.00"),
                                "USD", new BigDecimal("55000.00")),
                        2));
        assertThat(json).contains("{\"above\":{\"BRL\":\"6000.00\",\"EUR\":\"1000.00\"");
        assertThat(WorkflowVersionStore.canonicalJson(readBack)).isEqualTo(json);
        assertThat(List.of(readBack.transitions().size()))
                .containsExactly(withdrawal.transitions().size());
    }
}
