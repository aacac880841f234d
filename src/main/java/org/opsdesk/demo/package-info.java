/**
 * Demo data for a first look: on an empty database in demo mode, a few hundred operations of every type spread
 * over every stage, each moved there through the real engine so its history is genuine. Uses only the published
 * APIs of {@code operations} and {@code workflow}.
 */
@ApplicationModule(allowedDependencies = {"shared", "operations", "workflow"})
@NullMarked
package org.opsdesk.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
