package org.opsdesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of docs/architecture.md hold: no cycles, no reaching into another module's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(OpsdeskApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * Also reads the Javadoc the build collects (target/generated-spring-modulith/javadoc.json). Its reader in Spring
     * Modulith 2.1.1 counts brackets inside comments: a half-open range written like {@code [from, to)} in a Javadoc
     * breaks it ("No signature found in source map"), so write ranges in words.
     */
    @Test
    void writesTheModuleDiagrams() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
