package org.dealreg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(DealregApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagram() throws Exception {
        Path folder = Path.of(System.getProperty("project.build.directory", "target"), "spring-modulith-docs");
        new Documenter(modules, folder.toString()).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        Path diagram = folder.resolve("components.puml");
        assertThat(Files.readString(diagram)).contains("Component(").contains("\"Registration\"").contains("\"Crypto\"");
    }
}
