package org.opsdesk.actions.invocation;

import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.operations.ApprovalRule;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.workflow.Move;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Four-eyes per invocation, through operations' approvals: for each family's operation type, the move to {@code
 * approved} needs the approvals the action's declaration asked for this invocation (stored with it when it was
 * made, never in the operation's editable attributes), whoever asks it must hold {@code action:<id>} (and its maker
 * still, when it is approved), and a declined request ends the invocation {@code declined}.
 */
@Configuration(proxyBeanMethods = false)
class InvocationApprovalRules {

    static final String DECLINED = "declined";

    @Bean
    ApprovalRule accountActionApprovals(InvocationStore store) {
        return new Rule("account_action", store);
    }

    @Bean
    ApprovalRule partyActionApprovals(InvocationStore store) {
        return new Rule("party_action", store);
    }

    @Bean
    ApprovalRule userActionApprovals(InvocationStore store) {
        return new Rule("user_action", store);
    }

    @Bean
    ApprovalRule recordActionApprovals(InvocationStore store) {
        return new Rule("record_action", store);
    }

    /** One family's rule. */
    static final class Rule implements ApprovalRule {

        private final String type;
        private final InvocationStore store;

        Rule(String type, InvocationStore store) {
            this.type = type;
            this.store = store;
        }

        @Override
        public String operationType() {
            return type;
        }

        @Override
        public int requiredApprovals(OperationSnapshot operation, Move move) {
            if (!move.transition().to().equals(InvocationStarter.APPROVED)) {
                return 0;
            }
            return store.find(operation.id())
                    .map(InvocationStore.Stored::requiredApprovals)
                    .orElse(0);
        }

        @Override
        public @Nullable String permissionToMove(OperationSnapshot operation, String toStage) {
            if (!toStage.equals(InvocationStarter.APPROVED)) {
                return null;
            }
            return store.find(operation.id())
                    .map(stored -> ActionDefinition.permissionOf(stored.actionId()))
                    .orElse(null);
        }

        @Override
        public @Nullable String stageAfterDecline(OperationSnapshot operation, ApprovalRequest declined) {
            return declined.toStage().equals(InvocationStarter.APPROVED)
                            && store.find(operation.id()).isPresent()
                    ? DECLINED
                    : null;
        }
    }
}
