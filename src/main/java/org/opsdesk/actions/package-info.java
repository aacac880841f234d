/**
 * The back-office action catalog (issue 14): actions declared in {@code actions/*.yaml} ({@code <entity>.<verb>},
 * category, target kind, input fields, permission {@code action:<id>}, safeguard, four-eyes policy, effect), each
 * invocation an operation of its family's workflow ({@code <family>_action}) with the unified status, so every
 * action ever taken is in the operations list with its history, webhooks and figures.
 *
 * <p>Published: the SPI record modules implement — {@link org.opsdesk.actions.ActionTargets} (find a record of
 * a kind for an actor) and {@link org.opsdesk.actions.ActionHandler} (one action's availability, checks and
 * effect) — with the values they exchange ({@link org.opsdesk.actions.ActionTarget}, {@link
 * org.opsdesk.actions.ActionInput}, {@link org.opsdesk.actions.Invocation}, {@link
 * org.opsdesk.actions.Applied}, {@link org.opsdesk.actions.ActionRefused}); and the port the provider module
 * implements ({@link org.opsdesk.actions.ProviderGateway}, answering {@link org.opsdesk.actions.ProviderAnswer}s)
 * with the event it publishes when a late outcome arrives ({@link org.opsdesk.actions.ProviderOutcome}). The facade
 * {@link org.opsdesk.actions.ActionCatalog} lists the declarations ({@link org.opsdesk.actions.ActionDefinition}), the
 * actions available on a record and invokes them ({@link org.opsdesk.actions.ActionRequest} → {@link
 * org.opsdesk.actions.ActionOutcome}). Inside, by feature: {@code declarations} (reading and validating {@code
 * actions/*.yaml}), {@code invocation} (checks, the invocation's operation and the catalog's {@code
 * actions.invocation} row, operations' {@code ApprovalRule} per family, applying the effect, the provider call and
 * its outcomes) and {@code web} ({@code /api/v1/actions}, {@code /api/v1/{collection}/…}). Docs: ADR 0023.
 */
@ApplicationModule(allowedDependencies = {"shared", "workflow", "operations"})
@NullMarked
package org.opsdesk.actions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
