package org.opsdesk.workflow.web;

import java.util.List;

/** The shapes of the answers {@link WorkflowApi} builds as maps, named for the API description only. */
final class ApiSchemas {

    private ApiSchemas() {}

    /** Every workflow definition in force. */
    record WorkflowList(List<WorkflowApi.WorkflowResponse> items) {}
}
