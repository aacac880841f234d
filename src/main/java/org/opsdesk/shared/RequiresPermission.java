package org.opsdesk.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one visible place where a web handler (API endpoint or console page) says who may call it. Every handler
 * of Opsdesk carries it, on the method or its class; a handler without it is refused at run time and fails the
 * authorization matrix test.
 *
 * <ul>
 *   <li>a permission name, {@code "operators:manage"}: the caller must hold it;
 *   <li>a per-type template, {@code "{type}:view"}: the caller must hold it for at least one operation type; the
 *       module then checks the type of the object itself and answers 404 for types the caller may not see;
 *   <li>a family, {@code "{type}:transition:*"}: the caller must hold at least one permission under the prefix
 *       (the module checks the exact one, such as the transition's own permission);
 *   <li>{@link #SIGNED_IN}: any authenticated operator or key;
 *   <li>{@link #ANYONE}: no sign-in (the sign-in page itself).
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {

    String SIGNED_IN = "#signed-in";
    String ANYONE = "#anyone";
    String TYPE_PLACEHOLDER = "{type}";

    String value();
}
