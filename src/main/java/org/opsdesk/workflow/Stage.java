package org.opsdesk.workflow;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One stage of an operation type.
 *
 * @param sla how long an operation may stay here before it breaches its service level, if that is tracked
 */
public record Stage(String code, Status status, boolean terminal, @Nullable Duration sla) {}
