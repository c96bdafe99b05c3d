package dev.atelier;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds (no cycles, no reaching into internals) and is documented. */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(AtelierApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    Path output = Path.of("..", "docs", "modules").toAbsolutePath().normalize();
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
        .writeDocumentation()
        .writeIndividualModulesAsPlantUml();
  }
}
