/**
 * Who may act: operators (people) and API keys (integrations), how they authenticate, and the first-start
 * bootstrap of the admin operator and the integration key. Turns every authenticated request into an
 * {@link org.opsdesk.shared.Actor} carrying its permissions, which the other modules check. Secrets are kept
 * only as hashes. Publishes {@link org.opsdesk.access.PasswordRules} (the operators' password rules, for other
 * modules whose people choose passwords) and {@link org.opsdesk.access.OperatorDirectory}: an operator's contact (email, language,
 * whether enabled) for the modules that write to operators, and the event {@link org.opsdesk.access.SignInLocked}
 * when repeated failures lock sign-in to an account.
 */
@ApplicationModule(allowedDependencies = {"shared", "workflow", "operations"})
@NullMarked
package org.opsdesk.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
