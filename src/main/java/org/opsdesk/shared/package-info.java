/**
 * Small value types every module speaks: {@link org.opsdesk.shared.Money}, {@link org.opsdesk.shared.Actor},
 * {@link org.opsdesk.shared.Permissions} and the {@link org.opsdesk.shared.ProblemException} family that the
 * one problem advice turns into RFC 9457 responses. Open to all modules; depends on none.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.opsdesk.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
