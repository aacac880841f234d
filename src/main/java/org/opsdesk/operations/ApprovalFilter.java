package org.opsdesk.operations;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the approvals queue; nulls, empty lists and false mean "any".
 *
 * @param mine only requests the caller made
 * @param waitingForMe only pending requests the caller could approve now: not made by them, not yet approved by
 *     them, of a type they hold {@code <type>:approve} for
 */
public record ApprovalFilter(
        ApprovalRequest.@Nullable State state, List<String> types, boolean mine, boolean waitingForMe) {}
