package org.opsdesk.operations;

import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;

/**
 * A move its creator's process takes at the very moment it creates an operation (see {@link
 * OperationCommands#createMoved}): the stage it goes to, who takes it and why.
 */
public record ImmediateMove(String to, Actor actor, @Nullable String reason) {}
