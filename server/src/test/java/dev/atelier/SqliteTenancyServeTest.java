package dev.atelier;

import dev.atelier.platform.AtelierSettings;
import java.nio.file.Path;

class SqliteTenancyServeTest extends TenancyServeContract {

  @Override
  AtelierSettings settings(Path workspace) {
    return AtelierSettings.local(workspace).withPort(0);
  }
}
